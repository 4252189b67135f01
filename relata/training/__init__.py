"""Training relata's statistical extractors from the annotated corpus (``relata train``).

- ``data``: the corpus's articles parsed as a build parses them, their
  candidates (``extractors.candidates``) labelled from the annotations'
  evidence; cached outside git (the examples hold sentences).
- ``tasks``: what each model decides (labels, candidates, how gold items map
  to a candidate).
- ``train``: spaCy's training system (``config.cfg``) on grouped folds, the
  cross-validated predictions, calibration and thresholds, the shipped models.
"""
