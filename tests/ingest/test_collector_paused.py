"""pipeline.run pauses Python's cyclic garbage collector while it reads a source (its records are acyclic; the
collector's walks of them cost a third of a file of short turns): it must give the collector back as it found it."""
import gc

import pytest

from claims.ingest import pipeline

TRANSCRIPT = "Ilya: Is it a question?\nLex: It is an answer.\n" * 3


@pytest.fixture
def collector_restored():
    was = gc.isenabled()
    yield
    gc.enable() if was else gc.disable()


@pytest.mark.parametrize("enabled", [True, False])
def test_reading_leaves_the_collector_as_it_was(collector_restored, enabled):
    gc.enable() if enabled else gc.disable()
    annotated = pipeline.run(TRANSCRIPT, source="short.txt")
    assert annotated.ok and len(annotated.turns) == 6
    assert gc.isenabled() is enabled


def test_the_collector_is_off_while_reading_and_back_on_after_a_failure(collector_restored, monkeypatch):
    gc.enable()
    seen = []

    def failing_parse(*args, **kwargs):
        seen.append(gc.isenabled())
        raise RuntimeError("a parser's bug")

    monkeypatch.setattr(pipeline, "parse_source", failing_parse)
    with pytest.raises(RuntimeError):
        pipeline.run(TRANSCRIPT, source="short.txt")
    assert seen == [False]
    assert gc.isenabled()
