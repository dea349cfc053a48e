"""The rule compiler (issue 17): the rules in force, as generated Python, evaluated outcome first.

``kilde`` writes the text of each rule version's evaluator and node builder; ``program``
compiles them on first use, per rulebook and set of versions in force; ``spor`` is the trace a
compiled evaluation keeps and rebuilds the interpreter's tree from; ``hjelpere`` is everything
the generated text may call; ``motor`` chooses between this and the reference interpreter.
``engine.Kontekst`` runs either. ``kolonne`` writes the same validated rules a second time, as
numpy code over a batch of households (population runs, issue 19).
"""
