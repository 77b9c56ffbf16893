"""spoken_quote: a claim's quote as said, without the cue lines and markup a caption file's quote holds."""
import re
from io import StringIO

import pytest
import yaml
from django.core.management import call_command

from api.rows import CLAIM_FIELDS, claim_row, claim_row_annotations
from claims.ingest.markup import reading_text, spoken_words
from claims.models import Claim
from claims.selectors import claim_spoken_quote_of, claim_spoken_quotes_filled
from tests.factories import make_claim, make_interview, make_speaker, srt_captions


pytestmark = pytest.mark.django_db

# Our own words, none of them a number, so that a digit in a spoken quote can only be a cue's.
SPEECH = (
    "I think batteries will get much cheaper over the next decade. We expect grid storage to double "
    "within five years because factories keep getting better at making cells. I believe solar farms "
    "will pair with storage almost everywhere, and that will change how utilities plan their networks. "
    "Honestly, the hardest part is permitting, not the hardware, and I predict permitting reform will "
    "become the main fight in energy policy. Most engineers I know say the same thing. We built our "
    "first plant in a small town, and people there were worried about fires, so we spent a long time "
    "explaining how the cells are monitored. I am convinced that public trust matters more than any "
    "single breakthrough in chemistry. Our competitors will probably catch up soon, which is healthy. "
    "In my view, cheap storage will make coal plants uneconomic well before their planned retirement."
).split()


def _clock(seconds: float, comma: bool) -> str:
    whole = int(seconds)
    millis = f"{int(round((seconds - whole) * 1000)):03d}"
    return f"{whole // 3600:02d}:{whole // 60 % 60:02d}:{whole % 60:02d}{',' if comma else '.'}{millis}"


def webvtt_captions(words, per_cue=7, seconds_per_cue=2.5):
    """Words in, a WebVTT file of numbered cues, every other cue's words in italics and a voice tag."""
    out = ["WEBVTT", ""]
    for number, i in enumerate(range(0, len(words), per_cue), 1):
        start = (number - 1) * seconds_per_cue
        text = " ".join(words[i : i + per_cue])
        if number % 2:
            text = f"<v Dana Reyes><i>{text}</i>"
        out += [str(number), f"{_clock(start, False)} --> {_clock(start + seconds_per_cue, False)}", text, ""]
    return "\n".join(out)


def ingest_with_claims(path):
    call_command("ingest", str(path), host=["Sam Host"], guest=["Dana Reyes"], no_extract=False,
                 stdout=StringIO(), stderr=StringIO())
    return list(Claim.objects.select_related("interview"))


def spoken_quotes(client) -> dict[int, str]:
    rows = client.get("/api/claims/", {"page_size": 500}).json()["results"]
    return {row["id"]: row["spoken_quote"] for row in rows}


@pytest.mark.parametrize(("name", "captions"), [("talk.srt", srt_captions), ("talk.vtt", webvtt_captions)])
def test_a_quote_running_across_cues_is_served_spoken_as_the_words_said(tmp_path, staff, name, captions):
    path = tmp_path / name
    path.write_text(captions(SPEECH), encoding="utf-8")
    claims = ingest_with_claims(path)
    across = [claim for claim in claims if "-->" in claim.quote]
    assert claims and across, [claim.quote for claim in claims]
    listed = spoken_quotes(staff)
    said = " " + " ".join(SPEECH) + " "
    for claim in claims:
        spoken = listed[claim.pk]
        assert "-->" not in spoken and not re.search(r"\d", spoken) and "<" not in spoken, spoken
        assert f" {spoken} " in said, spoken  # the words said, in order, whole words
        assert staff.get(f"/api/claims/{claim.pk}/").json()["spoken_quote"] == spoken
        assert spoken == claim_spoken_quote_of(claim)
    transcript = staff.get(f"/api/interviews/{claims[0].interview.slug}/transcript/")
    assert transcript.status_code == 200 and len(transcript.json()["claims"]) == len(claims)


def test_a_plain_interviews_spoken_quote_is_its_quote_with_whitespace_collapsed(staff):
    interview = make_interview(source_text="Intro.  We will ship it\n  within   two years.\n", source_format="plain")
    quote = "We will ship it\n  within   two years."
    start = interview.source_text.index(quote)
    claim = make_claim(interview=interview, quote=quote, status="approved", start_char=start, end_char=start + len(quote))
    assert spoken_quotes(staff)[claim.pk] == "We will ship it within two years."
    assert staff.get(f"/api/claims/{claim.pk}/").json()["spoken_quote"] == "We will ship it within two years."


def test_the_window_read_equals_the_whole_reading_at_every_span_of_a_caption_file(db):
    # spans near the start and the end, and in a line longer than the window (SPOKEN_WINDOW_CHARS either side)
    long_line = " ".join(SPEECH * 3)  # about 2,700 characters
    text = srt_captions(SPEECH[:40]) + f"\n99\n00:09:00,000 --> 00:09:09,000\n{long_line}\n\n100\n00:10:00,000 --> 00:10:01,000\nbye\n"
    interview = make_interview(source_text=text, source_format="srt")
    whole = reading_text(text, "srt")
    spans = [(a, b) for a in range(0, len(text), 97) for b in (a + 1, a + 60, a + 700) if b <= len(text)]
    speaker = make_speaker()
    Claim.objects.bulk_create(Claim(interview=interview, speaker=speaker, quote=text[a:b], statement="s", start_char=a,
                                    end_char=b) for a, b in spans)
    values = Claim.objects.annotate(**claim_row_annotations()).values_list(*CLAIM_FIELDS, "reading_window")
    rows = [claim_row(row, [], reading_window=row[len(CLAIM_FIELDS)]) for row in values]
    read_from_window = {row["id"] for row in rows if row["spoken_quote"] is not None}
    assert len(read_from_window) > 5 and len(read_from_window) < len(rows)  # a line longer than the window is read whole
    for row in claim_spoken_quotes_filled(rows):
        assert row["spoken_quote"] == spoken_words(whole, row["start_char"], row["end_char"]), row["quote"]


def test_the_schema_documents_spoken_quote(anon):
    schema = yaml.safe_load(anon.get("/api/schema/").content)
    field = schema["components"]["schemas"]["Claim"]["properties"]["spoken_quote"]
    assert field["type"] == "string" and field["readOnly"] and "timing lines" in field["description"]
