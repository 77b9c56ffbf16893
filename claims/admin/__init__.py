"""The curation desk: claims, interviews with their transcripts, predictions, topics and speakers.

One module per subject; importing them registers the model admins on the default site.
"""
from . import claims, interviews, predictions, speakers, topics  # noqa: F401
