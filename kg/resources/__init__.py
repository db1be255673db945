"""Data shipped with kg: lexicons, the actor knowledge base, SKOS topics, SHACL shapes."""
