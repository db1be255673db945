"""kg: an event-timeline knowledge graph for French news."""
__version__ = "0.1.0"
