"""Shapes of the API. The claim and prediction lists are rendered by api.rows; these serializers
describe the same shapes for the schema (a test keeps the two identical) and validate writes."""
from __future__ import annotations

import math
import re

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from claims.models import Chapter, Claim, Interview, Participation, Prediction, Speaker, Topic, Turn
from claims.selectors import COUNT_CAP, claim_spoken_quote_of, former_slugs_from_column

from .rows import source_link_at

MAX_OFFSET = 2**31 - 1
SLUG_PATTERN = r"^[-a-zA-Z0-9_]+$"


class SpeakerBriefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Speaker
        fields = ("slug", "name")


class PredictionBriefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Prediction
        fields = (
            "id", "predicted", "horizon", "target_start", "target_end",
            "status", "resolved_on", "resolution_note", "evidence_link",
        )


SPOKEN_QUOTE_HELP = (
    "The quote as said: the words between the offsets without caption markup, cue numbers and timing lines "
    "(which a quote from a caption file holds where it runs from one cue into the next), runs of whitespace "
    "as one space. For transcripts without cue lines, the quote's words."
)


class ClaimSerializer(serializers.ModelSerializer):
    interview = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    speaker = SpeakerBriefSerializer(read_only=True)
    topics = serializers.SlugRelatedField(slug_field="slug", many=True, read_only=True)
    type = serializers.ChoiceField(source="claim_type", choices=Claim.Type.choices, read_only=True)
    source_link = serializers.SerializerMethodField(help_text="The recording at start_seconds, when the interview has a video.")
    date = serializers.DateField(read_only=True, allow_null=True, help_text="The interview's published date.")
    date_precision = serializers.SerializerMethodField(help_text="day, month or year: how much of the date is known.")
    prediction = PredictionBriefSerializer(read_only=True, allow_null=True)
    spoken_quote = serializers.SerializerMethodField(help_text=SPOKEN_QUOTE_HELP)

    class Meta:
        model = Claim
        fields = (
            "id", "interview", "speaker", "quote", "spoken_quote", "statement", "start_char", "end_char",
            "start_seconds", "seconds_estimated", "source_link", "topics", "type", "hedged",
            "status", "date", "date_precision", "prediction",
        )

    def get_spoken_quote(self, claim) -> str:
        return claim_spoken_quote_of(claim)

    @extend_schema_field({"type": "string", "format": "uri", "nullable": True})
    def get_source_link(self, claim) -> str | None:
        return source_link_at(claim.interview.link, claim.interview.video_id, claim.start_seconds)

    @extend_schema_field({"type": "string", "enum": list(Interview.Precision.values), "nullable": True})
    def get_date_precision(self, claim) -> str | None:
        return claim.interview.published_precision or None


class PredictionSerializer(serializers.ModelSerializer):
    claim = serializers.PrimaryKeyRelatedField(read_only=True)
    interview = serializers.SlugRelatedField(source="claim.interview", slug_field="slug", read_only=True)
    speaker = SpeakerBriefSerializer(source="claim.speaker", read_only=True)
    statement = serializers.CharField(source="claim.statement", read_only=True)
    date = serializers.DateField(source="claim.date", read_only=True, allow_null=True)
    date_precision = serializers.SerializerMethodField()
    claim_status = serializers.ChoiceField(source="claim.status", choices=Claim.Status.choices, read_only=True)
    topics = serializers.SlugRelatedField(source="claim.topics", slug_field="slug", many=True, read_only=True)

    class Meta:
        model = Prediction
        fields = (
            "id", "claim", "interview", "speaker", "statement", "date", "date_precision", "claim_status",
            "topics", "predicted", "horizon", "target_start", "target_end", "status", "resolved_on",
            "resolution_note", "evidence_link",
        )

    @extend_schema_field({"type": "string", "enum": list(Interview.Precision.values), "nullable": True})
    def get_date_precision(self, prediction) -> str | None:
        return prediction.claim.interview.published_precision or None


CAPPED = f"Counted up to {COUNT_CAP:,} ({COUNT_CAP} means {COUNT_CAP:,} or more)."


FORMER_SLUGS_HELP = "Slugs that lead here: of speakers or topics merged into this one, and its own before a rename."


@extend_schema_field({"type": "array", "items": {"type": "string"}})
class FormerSlugsField(serializers.Field):
    """The sorted former slugs of a row read by speaker_list or topic_list (their `former_slugs_joined`)."""

    def __init__(self, **kwargs):
        super().__init__(read_only=True, help_text=FORMER_SLUGS_HELP, **kwargs)

    def get_attribute(self, instance):
        return former_slugs_from_column(instance.former_slugs_joined)

    def to_representation(self, value):
        return value


class TopicSerializer(serializers.ModelSerializer):
    parent = serializers.CharField(source="parent_slug", allow_null=True, read_only=True)
    children = serializers.ListField(source="children_slugs", child=serializers.CharField(), read_only=True)
    claim_count = serializers.IntegerField(read_only=True, help_text=f"Claims tagged with this topic itself. {CAPPED} May lag edits by a minute.")
    subtree_claim_count = serializers.IntegerField(
        read_only=True, help_text=f"Claims tagged with this topic or a subtopic (what ?topic= returns). {CAPPED}"
    )
    former_slugs = FormerSlugsField()

    class Meta:
        model = Topic
        fields = ("slug", "name", "description", "parent", "children", "keywords", "former_slugs", "claim_count",
                  "subtree_claim_count")


class SpeakerSerializer(serializers.ModelSerializer):
    claim_count = serializers.IntegerField(read_only=True, help_text=f"Claims by this speaker. {CAPPED}")
    interview_count = serializers.IntegerField(read_only=True)
    former_slugs = FormerSlugsField()

    class Meta:
        model = Speaker
        fields = ("slug", "name", "aliases", "former_slugs", "description", "affiliation", "link", "claim_count",
                  "interview_count")


class ParticipantSerializer(serializers.ModelSerializer):
    slug = serializers.CharField(source="speaker.slug", read_only=True)
    name = serializers.CharField(source="speaker.name", read_only=True)

    class Meta:
        model = Participation
        fields = ("slug", "name", "role")


class ChapterSerializer(serializers.ModelSerializer):
    class Meta:
        model = Chapter
        fields = ("index", "title", "start_seconds", "start_char")


class InterviewSerializer(serializers.ModelSerializer):
    participants = ParticipantSerializer(source="participations", many=True, read_only=True)
    chapters = ChapterSerializer(many=True, read_only=True)
    claim_count = serializers.IntegerField(read_only=True, help_text=f"Claims from this interview. {CAPPED}")

    class Meta:
        model = Interview
        fields = (
            "slug", "title", "show", "link", "video_id", "published", "published_precision",
            "duration_seconds", "source_format", "source_name", "participants", "chapters", "claim_count",
        )


class TurnSerializer(serializers.ModelSerializer):
    speaker = SpeakerBriefSerializer(read_only=True, allow_null=True)

    class Meta:
        model = Turn
        fields = ("index", "speaker", "start_char", "end_char", "start_seconds", "seconds_estimated")


class TranscriptClaimSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    start_char = serializers.IntegerField()
    end_char = serializers.IntegerField()
    speaker = SpeakerBriefSerializer()
    type = serializers.ChoiceField(choices=Claim.Type.choices)
    status = serializers.ChoiceField(choices=Claim.Status.choices)
    statement = serializers.CharField()
    topics = serializers.ListField(child=serializers.CharField())


class TranscriptSerializer(serializers.Serializer):
    """The source text with turns and claim spans. Offsets are code-point indices into `text`."""

    interview = serializers.CharField()
    text = serializers.CharField()
    turns = TurnSerializer(many=True)
    chapters = ChapterSerializer(many=True)
    claims = TranscriptClaimSerializer(many=True)


# Writes -------------------------------------------------------------------------------------


def _finite(value):
    if value is not None and not math.isfinite(value):
        raise serializers.ValidationError("Must be a finite number.")


class SafeSlugRelatedField(serializers.SlugRelatedField):
    """A slug relation that refuses malformed slugs before querying (e.g. NUL bytes PostgreSQL rejects)."""

    default_error_messages = {"does_not_exist": "Unknown {slug_name}: {value}."}

    def to_internal_value(self, data):
        if not isinstance(data, str) or not re.match(SLUG_PATTERN, data) or len(data) > 200:
            self.fail("invalid")
        return super().to_internal_value(data)


class CurrentOrFormerSlugField(SafeSlugRelatedField):
    """A speaker or topic by its slug or by a former slug (merged into another, or renamed), which
    names the row it leads to; one more query only for a slug no row has now."""

    def to_internal_value(self, data):
        try:
            return super().to_internal_value(data)
        except serializers.ValidationError:
            if not (isinstance(data, str) and re.match(SLUG_PATTERN, data) and len(data) <= 200):
                raise
            row = self.get_queryset().filter(former_slugs__slug=data).first()
            if row is None:
                raise
            return row


class _KnownFieldsOnly(serializers.Serializer):
    """A write whose body names a field the endpoint does not take is a 400 naming it: DRF drops it,
    and a misspelt {"typ": "opinion"} answered 200 as if applied. The fields of the read shape
    (`echoed`: sent back as read, after a GET) are let through and ignored as before."""

    echoed: tuple[str, ...] = ()

    def to_internal_value(self, data):
        if isinstance(data, dict):
            unknown = [name for name in data if name not in self.fields and name not in self.echoed
                       and name != "csrfmiddlewaretoken"]  # the browsable API's HTML forms send it
            if unknown:
                takes = ", ".join(sorted(name for name, field in self.fields.items() if not field.read_only))
                raise serializers.ValidationError(
                    {name[:50]: [f"Unknown field; this endpoint takes: {takes}."] for name in unknown}
                )
        return super().to_internal_value(data)


class PredictionWriteSerializer(_KnownFieldsOnly):
    predicted = serializers.CharField()
    horizon = serializers.CharField(required=False, allow_blank=True, max_length=200)
    target_start = serializers.DateField(required=False, allow_null=True)
    target_end = serializers.DateField(required=False, allow_null=True)
    status = serializers.ChoiceField(choices=Prediction.Status.choices, required=False)
    resolved_on = serializers.DateField(required=False, allow_null=True)
    resolution_note = serializers.CharField(required=False, allow_blank=True)
    evidence_link = serializers.URLField(required=False, allow_blank=True, max_length=500)

    echoed = ("id",)


class ClaimWriteSerializer(_KnownFieldsOnly):
    """What staff send to create or change a claim; claims.services checks the rest (quote at offsets...)."""

    echoed = ("id", "spoken_quote", "source_link", "date", "date_precision")

    interview = SafeSlugRelatedField(queryset=Interview.objects.all(), slug_field="slug")
    speaker = CurrentOrFormerSlugField(queryset=Speaker.objects.all(), slug_field="slug")
    start_char = serializers.IntegerField(min_value=0, max_value=MAX_OFFSET)
    end_char = serializers.IntegerField(min_value=1, max_value=MAX_OFFSET)
    quote = serializers.CharField(
        required=False, trim_whitespace=False, help_text="Verbatim; taken from the transcript at the offsets when omitted."
    )
    statement = serializers.CharField()
    topics = CurrentOrFormerSlugField(queryset=Topic.objects.all(), slug_field="slug", many=True, required=False)
    type = serializers.ChoiceField(source="claim_type", choices=Claim.Type.choices, required=False)
    hedged = serializers.BooleanField(required=False)
    status = serializers.ChoiceField(choices=Claim.Status.choices, required=False)
    start_seconds = serializers.FloatField(required=False, allow_null=True, min_value=0, max_value=10**7, validators=[_finite])
    seconds_estimated = serializers.BooleanField(required=False)
    curator_notes = serializers.CharField(required=False, allow_blank=True)
    prediction = PredictionWriteSerializer(required=False, allow_null=True)


class PredictionResolveSerializer(_KnownFieldsOnly):
    status = serializers.ChoiceField(choices=Prediction.Status.choices)
    resolved_on = serializers.DateField(required=False, allow_null=True)
    resolution_note = serializers.CharField(required=False, allow_blank=True)
    evidence_link = serializers.URLField(required=False, allow_blank=True, max_length=500)
