"""Two ingestions writing the same interview or the same new speakers at once (PostgreSQL, where
writers do not queue for the whole database as on SQLite): the second waits on the unique index,
then takes the path a re-ingest takes; nothing fails and nothing is duplicated."""
import threading

import pytest
from django.db import connection, transaction

from claims.models import Interview, Participation, Speaker
from claims.services import IngestConflict, interview_ingest

from .test_services import TEXT, annotated

pytestmark = [pytest.mark.requires_postgres, pytest.mark.django_db(transaction=True)]


def run_overlapping(first_work, second_work):
    """first_work writes and holds its transaction open until second_work has started (and is
    blocked on the first's uncommitted rows); then the first commits. Returns both results."""
    started = threading.Event()
    results, errors = {}, []

    def first():
        try:
            with transaction.atomic():
                results["first"] = first_work()
                started.set()
                # give the second time to reach the unique index and wait on it
                threading.Event().wait(0.5)
        except Exception as error:  # pragma: no cover - reported below
            errors.append(error)
            started.set()
        finally:
            connection.close()

    def second():
        try:
            started.wait(5)
            results["second"] = second_work()
        except Exception as error:  # pragma: no cover - reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)
    assert not errors, errors
    return results["first"], results["second"]


def test_the_same_file_ingested_twice_at_once_is_written_once():
    first, second = run_overlapping(lambda: interview_ingest(annotated=annotated()),
                                    lambda: interview_ingest(annotated=annotated()))
    (one, created_one), (two, created_two) = first, second
    assert (created_one, created_two) == (True, False) and one.pk == two.pk
    assert Interview.objects.count() == 1 and Speaker.objects.count() == 2
    assert Speaker.history.filter(history_type="+").count() == 2


def test_two_files_bringing_the_same_new_speakers_at_once_share_them():
    other = TEXT + "Host: And then?\n"
    first, second = run_overlapping(lambda: interview_ingest(annotated=annotated()),
                                    lambda: interview_ingest(annotated=annotated(text=other, slug="another-talk")))
    assert first[1] and second[1]
    assert Interview.objects.count() == 2
    assert sorted(Speaker.objects.values_list("slug", flat=True)) == ["guest-person", "host-person"]
    assert Participation.objects.count() == 4
    assert Speaker.history.filter(history_type="+").count() == 2


def test_two_files_of_one_video_ingested_at_once_make_one_interview():
    def second_file():
        try:
            return interview_ingest(annotated=annotated(text=TEXT + "Host: And then?\n", slug="another-talk",
                                                        video_id="dQw4w9WgXcQ"))
        except IngestConflict as refusal:
            return str(refusal)

    first, second = run_overlapping(lambda: interview_ingest(annotated=annotated(video_id="dQw4w9WgXcQ")), second_file)
    assert first[1] and second.startswith("video dQw4w9WgXcQ is stored already, as 'a-talk' from talk.txt")
    assert list(Interview.objects.values_list("slug", flat=True)) == ["a-talk"]
