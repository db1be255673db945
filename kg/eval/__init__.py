"""Measuring extraction accuracy against gold data: ``kg eval``.

* :mod:`kg.eval.timeml` reads ISO-TimeML documents (French TimeBank) into text + gold;
* :mod:`kg.eval.timex` scores the temporal tagger, TempEval-3 style;
* :mod:`kg.eval.claims` reads the reported-speech gold and scores speakers, content
  spans and cues, Gender-Gap-Tracker style;
* :mod:`kg.eval.report` puts every figure in one table beside the published anchors
  and writes ``docs/accuracy.md``.

Every evaluation runs :class:`kg.pipeline.Pipeline`, the code ``kg build`` runs.
"""
