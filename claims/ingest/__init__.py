"""Ingestion: transcripts in, AnnotatedInterview records out. Pure Python, no Django."""
