"""Imported by the fork server of the extraction pool (``kg.engine``): everything extraction loads once is loaded
there, so the workers forked from it share those pages instead of each loading its own copy (jieba's dictionary,
the lexicons and the patterns built from them: about 130 MB and 1.5 CPU-seconds per worker).

Frozen out of the cycle collector's view, so a collection in a worker never writes to the shared pages."""

import gc

from kg.pipeline import warm_up

warm_up(prime=True)
gc.freeze()
