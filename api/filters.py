"""Query parameters of the list endpoints. Every parameter is validated; bad values are a 400 naming it."""
from __future__ import annotations

import re

import django_filters as filters
from django import forms
from django.http import QueryDict
from django.db.models.functions import Coalesce
from django_filters.widgets import QueryArrayWidget
from drf_spectacular.drainage import set_override

from claims.models import Claim, Interview, Prediction, Speaker, Topic, overdue_condition
from claims.selectors import claim_search, claims_on_topics, former_slug_targets, slugs_resolve, topic_subtree_ids, topic_tree

from .pagination import ClaimPagination, PredictionPagination

MAX_QUERY_LENGTH = 200
MAX_VALUES = 50
_SLUG = re.compile(r"^[-a-zA-Z0-9_]{1,200}$")
_ID = re.compile(r"^[0-9]{1,18}$")
ISO_DATE = {"input_formats": ["%Y-%m-%d"], "error_messages": {"invalid": "Enter a date as YYYY-MM-DD."}}


def _values(value) -> list[str]:
    """?x=a&x=b and ?x=a,b alike, in the order given, without blanks and repeats."""
    found: list[str] = []
    for raw in value or []:
        for item in str(raw).split(","):
            item = item.strip()
            if item and item not in found:
                found.append(item)
    return found


class _ListField(forms.Field):
    widget = QueryArrayWidget

    def __init__(self, *, noun: str, **kwargs):
        self.noun = noun
        super().__init__(**kwargs)

    def parse(self, values: list[str]) -> list:
        raise NotImplementedError

    def clean(self, value):
        values = _values(value)
        if not values:
            return None
        if len(values) > MAX_VALUES:
            raise forms.ValidationError("At most %(n)s values.", params={"n": MAX_VALUES})
        return self.parse(values)


class SlugsField(_ListField):
    """Slugs resolved to rows of `model` in one query; a speaker's or topic's former slug (merged
    into another, or renamed) names the row it leads to, at one more query only when a slug is no
    row's current one; any unknown slug is an error."""

    def __init__(self, *, model, **kwargs):
        self.model = model
        super().__init__(**kwargs)

    def lookup(self, slugs: list[str]) -> dict:
        return slugs_resolve(self.model, slugs) if slugs else {}

    def parse(self, values):
        found = self.lookup([value for value in values if _SLUG.match(value)])
        unknown = [value for value in values if value not in found]
        if unknown:
            shown = ", ".join(repr(value[:60]) for value in unknown[:5])
            # User text goes in params, never into the message: Django %-formats messages.
            raise forms.ValidationError("Unknown %(noun)s: %(shown)s.", params={"noun": self.noun, "shown": shown})
        return [found[value] for value in values]


class TopicSlugsField(SlugsField):
    """Topic slugs resolved against the whole topic tree, read once; each topic carries the tree
    (`tree`, as (id, parent_id) pairs) so the filter computes subtrees without another query."""

    def lookup(self, slugs):
        rows = topic_tree()
        tree = [(pk, parent_id) for pk, parent_id, _ in rows]
        by_pk = {pk: Topic(pk=pk, parent_id=parent_id, slug=slug) for pk, parent_id, slug in rows}
        found = {topic.slug: topic for topic in by_pk.values() if topic.slug in slugs}
        moved = former_slug_targets(Topic, [slug for slug in slugs if slug not in found])
        found |= {slug: by_pk[pk] for slug, pk in moved.items() if pk in by_pk}
        for topic in found.values():
            topic.tree = tree
        return found


class IdsField(_ListField):
    """Numeric ids of rows that exist (an unknown one is an error, as an unknown slug is: an empty
    answer would read as 'said nothing')."""

    def __init__(self, *, model, **kwargs):
        self.model = model
        super().__init__(**kwargs)

    def parse(self, values):
        bad = [value for value in values if not _ID.match(value)]
        if bad:
            raise forms.ValidationError("Not a %(noun)s id: %(value)r.", params={"noun": self.noun, "value": bad[0][:60]})
        ids = [int(value) for value in values]
        known = set(self.model._default_manager.filter(pk__in=ids).values_list("pk", flat=True)) if ids else set()
        unknown = [pk for pk in ids if pk not in known]
        if unknown:
            shown = ", ".join(str(pk) for pk in unknown[:5])
            raise forms.ValidationError("Unknown %(noun)s id: %(shown)s.", params={"noun": self.noun, "shown": shown})
        return ids


def _schema(filter_, schema: dict) -> None:
    """Give the schema of a filter (with its help text) to drf-spectacular."""
    help_text = filter_.extra.get("help_text")
    set_override(filter_, "field", {**schema, "description": str(help_text)} if help_text else schema)


class SlugsFilter(filters.Filter):
    """Repeatable slug parameter (?topic=a&topic=b or ?topic=a,b): any of them."""

    field_class = SlugsField

    def __init__(self, *, model, noun, **kwargs):
        super().__init__(model=model, noun=noun, **kwargs)
        _schema(self, {"type": "array", "items": {"type": "string", "pattern": _SLUG.pattern}})


class TopicSlugsFilter(SlugsFilter):
    field_class = TopicSlugsField

    def __init__(self, **kwargs):
        super().__init__(model=Topic, noun="topic", **kwargs)


class IdsFilter(filters.Filter):
    """Repeatable numeric id parameter: any of them."""

    field_class = IdsField

    def __init__(self, *, model, noun, **kwargs):
        super().__init__(model=model, noun=noun, **kwargs)
        _schema(self, {"type": "array", "items": {"type": "integer", "minimum": 0}})


class _BooleanField(forms.Field):
    def clean(self, value):
        if value in (None, ""):
            return None
        normalized = str(value).strip().lower()
        if normalized in ("true", "1"):
            return True
        if normalized in ("false", "0"):
            return False
        raise forms.ValidationError("Use true or false; got %(value)r.", params={"value": str(value)[:50]})


class TrueFalseFilter(filters.Filter):
    """true/false (also 1/0); anything else is an error rather than silently ignored."""

    field_class = _BooleanField

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        _schema(self, {"type": "boolean"})


class SearchFilter(filters.CharFilter):
    def __init__(self, **kwargs):
        super().__init__(max_length=MAX_QUERY_LENGTH, **kwargs)
        _schema(self, {"type": "string", "maxLength": MAX_QUERY_LENGTH})


def _invalid_choice(choices) -> dict:
    """Django's "Select a valid choice. x is not one of the available choices." says neither which are."""
    names = ", ".join(str(value) for value, _ in choices)
    return {"invalid_choice": f"%(value)r is not one of: {names}."}


class _ChoicesField(filters.fields.MultipleChoiceField):
    def clean(self, value):
        return super().clean(_values(value))


class ChoicesFilter(filters.MultipleChoiceFilter):
    """Repeatable (or comma-separated) choice: any of them; blanks are ignored."""

    field_class = _ChoicesField

    def __init__(self, *, choices, **kwargs):
        super().__init__(choices=choices, error_messages=_invalid_choice(choices), **kwargs)


def _ordering_filter(pagination) -> filters.ChoiceFilter:
    # Validated here (and shown in the schema); the keyset paginator applies it.
    names = list(pagination.orderings)
    choices = [(name, name) for name in names]
    return filters.ChoiceFilter(
        choices=choices, method="keep", error_messages=_invalid_choice(choices),
        help_text=f"Sort order, default {pagination.default_ordering}: one of {', '.join(names)}.",
    )


def repeatable_parameters(filterset_class) -> frozenset[str]:
    """The filters of `filterset_class` that take several values (?topic=a&topic=b: any of them)."""
    return frozenset(
        name for name, filter_ in filterset_class.base_filters.items()
        if issubclass(filter_.field_class, (_ListField, _ChoicesField))
    )


class _SharedFields(dict):
    """A form's base fields that each form instance shares instead of deep-copying: these fields
    only validate, nothing changes them per request."""

    def __deepcopy__(self, memo):
        return dict(self)


class _RangesForm(forms.Form):
    """A filter set's form that refuses a range whose start is after its end: it matches nothing,
    and an empty page would read as the answer ("no claims in that period")."""

    ranges: tuple[tuple[str, str], ...] = ()

    def clean(self):
        cleaned = super().clean()
        for start_name, end_name in self.ranges:
            start, end = cleaned.get(start_name), cleaned.get(end_name)
            if start is not None and end is not None and start > end:
                self.add_error(start_name, forms.ValidationError(
                    "%(start_name)s %(start)s is after %(end_name)s %(end)s: swap them.",
                    params={"start_name": start_name, "start": start, "end_name": end_name, "end": end},
                ))
        return cleaned


class _FilterSet(filters.FilterSet):
    """Issue 8: django-filter deep-copies every filter, then builds a form class and deep-copies its
    fields, on each request (a third of a list request's time at 1M claims). Here the filters are
    shallow copies bound to this filter set, and the form class is built once per filter set class."""

    ranges: tuple[tuple[str, str], ...] = ()  # (start, end) parameter pairs; a start after its end is a 400

    def __init__(self, data=None, queryset=None, *, request=None, prefix=None):
        if queryset is None:
            queryset = self._meta.model._default_manager.all()
        self.is_bound = data is not None
        self.data = data or QueryDict()
        self.queryset = queryset
        self.request = request
        self.form_prefix = prefix
        self.filters = {}
        for name, base in self.base_filters.items():
            filter_ = object.__new__(type(base))  # copy.copy, minus its __reduce_ex__ round trip
            filter_.__dict__.update(base.__dict__)
            filter_.model = queryset.model
            filter_.parent = self
            if filter_.method is not None:
                filter_.method = filter_.method  # a FilterMethod bound to this copy, not to `base`
            self.filters[name] = filter_

    @classmethod
    def _form_class(cls):
        form = cls.__dict__.get("_form_class_once")
        if form is None:
            for filter_ in cls.base_filters.values():
                filter_.model = cls._meta.model  # for the default labels, as django-filter sets it
            fields = {name: filter_.field for name, filter_ in cls.base_filters.items()}
            form = type(f"{cls.__name__}Form", (_RangesForm, cls._meta.form), {**fields, "ranges": cls.ranges})
            form.base_fields = _SharedFields(form.base_fields)
            cls._form_class_once = form
        return form

    def get_form_class(self):
        return self._form_class()

    def keep(self, queryset, name, value):
        return queryset

    def by_ids(self, queryset, name, value):
        return queryset.filter(**{f"{name}__in": value}) if value else queryset

    def by_rows(self, queryset, name, value):
        return queryset.filter(**{f"{name}__in": [row.pk for row in value]}) if value else queryset


class ClaimFilterSet(_FilterSet):
    """Filters for claims/: every parameter combines with every other (AND); repeats mean any of."""

    topic = TopicSlugsFilter(
        field_name="topics", method="by_topics",
        help_text="Topic slug, repeatable (any of). A topic includes its subtopics. A former slug (of a topic merged into another, or renamed) names the topic it leads to.",
    )
    topic_id = IdsFilter(model=Topic, noun="topic", field_name="topics", method="by_topic_ids", help_text="Topic id, repeatable; includes subtopics.")
    speaker = SlugsFilter(model=Speaker, noun="speaker", field_name="speaker", method="by_rows", help_text="Speaker slug, repeatable; a former slug names the speaker it leads to.")
    speaker_id = IdsFilter(model=Speaker, noun="speaker", field_name="speaker", method="by_ids", help_text="Speaker id, repeatable.")
    interview = SlugsFilter(model=Interview, noun="interview", field_name="interview", method="by_rows", help_text="Interview slug, repeatable.")
    interview_id = IdsFilter(model=Interview, noun="interview", field_name="interview", method="by_ids", help_text="Interview id, repeatable.")
    date_after = filters.DateFilter(
        field_name="date", lookup_expr="gte", help_text="Interview published on or after (YYYY-MM-DD).", **ISO_DATE
    )
    date_before = filters.DateFilter(
        field_name="date", lookup_expr="lte", help_text="Interview published on or before (YYYY-MM-DD).", **ISO_DATE
    )
    type = ChoicesFilter(field_name="claim_type", choices=Claim.Type.choices, help_text="Claim type, repeatable.")
    is_prediction = TrueFalseFilter(method="by_is_prediction", help_text="Only prediction claims (true) or no prediction claims (false).")
    hedged = TrueFalseFilter(field_name="hedged", help_text="Hedged claims (true) or firm ones (false).")
    status = ChoicesFilter(
        choices=Claim.Status.choices, help_text="Curation status, repeatable. Without staff login only approved claims exist."
    )
    q = SearchFilter(
        method="search",
        help_text="Full-text search over quote and statement (PostgreSQL web-search syntax: words, \"phrases\", -not, or).",
    )
    ordering = _ordering_filter(ClaimPagination)
    ranges = (("date_after", "date_before"),)

    class Meta:
        model = Claim
        fields = []

    def by_topics(self, queryset, name, value):
        return queryset.filter(claims_on_topics(topic_subtree_ids(value, tree=value[0].tree))) if value else queryset

    def by_topic_ids(self, queryset, name, value):
        if not value:
            return queryset
        return queryset.filter(claims_on_topics(topic_subtree_ids(Topic.objects.filter(pk__in=value))))

    def by_is_prediction(self, queryset, name, value):
        if value is None:
            return queryset
        prediction = queryset.filter if value else queryset.exclude
        return prediction(claim_type=Claim.Type.PREDICTION)

    def search(self, queryset, name, value):
        return claim_search(queryset, value) if value.strip() else queryset


RESOLVED = "resolved"  # ?status=resolved: every outcome but open


class PredictionFilterSet(_FilterSet):
    """Filters for predictions/: the prediction's status and target date, when it was made, its claim's
    speaker, topics and interview."""

    status = ChoicesFilter(
        choices=[*Prediction.Status.choices, (RESOLVED, "resolved: any outcome but open")], method="by_status",
        help_text="Outcome, repeatable; `resolved` is any outcome but open.",
    )
    overdue = TrueFalseFilter(
        method="by_overdue",
        help_text="true: open predictions whose target range ended before today (target_end; a range with no end, "
        "'after 2030', never is); false: the others.",
    )
    target_after = filters.DateFilter(
        method="by_target", help_text="Target date (target_end, else target_start) on or after (YYYY-MM-DD).", **ISO_DATE
    )
    target_before = filters.DateFilter(
        method="by_target", help_text="Target date (target_end, else target_start) on or before (YYYY-MM-DD).", **ISO_DATE
    )
    speaker = SlugsFilter(model=Speaker, noun="speaker", field_name="claim__speaker", method="by_rows", help_text="Speaker slug, repeatable; a former slug names the speaker it leads to.")
    topic = TopicSlugsFilter(
        field_name="claim__topics", method="by_topics",
        help_text="Topic slug of the claim, repeatable (any of); includes subtopics. A former slug names the topic it leads to.",
    )
    interview = SlugsFilter(model=Interview, noun="interview", field_name="claim__interview", method="by_rows", help_text="Interview slug, repeatable.")
    date_after = filters.DateFilter(
        field_name="claim__date", lookup_expr="gte",
        help_text="Made on or after (YYYY-MM-DD): the claim's interview published then.", **ISO_DATE
    )
    date_before = filters.DateFilter(
        field_name="claim__date", lookup_expr="lte",
        help_text="Made on or before (YYYY-MM-DD): the claim's interview published then.", **ISO_DATE
    )
    q = SearchFilter(method="search", help_text="Full-text search over the claim's quote and statement.")
    ordering = _ordering_filter(PredictionPagination)
    ranges = (("target_after", "target_before"), ("date_after", "date_before"))

    class Meta:
        model = Prediction
        fields = []

    def by_status(self, queryset, name, value):
        if not value:
            return queryset
        wanted = set(value)
        if RESOLVED in wanted:
            wanted = (wanted - {RESOLVED}) | (set(Prediction.Status.values) - {Prediction.Status.OPEN})
        return queryset.filter(status__in=sorted(wanted))

    def by_overdue(self, queryset, name, value):
        if value is None:
            return queryset
        return queryset.filter(overdue_condition()) if value else queryset.exclude(overdue_condition())

    def by_target(self, queryset, name, value):
        if value is None:
            return queryset
        lookup = "gte" if name == "target_after" else "lte"
        return queryset.alias(target=Coalesce("target_end", "target_start")).filter(**{f"target__{lookup}": value})

    def by_topics(self, queryset, name, value):
        if not value:
            return queryset
        return queryset.filter(claims_on_topics(topic_subtree_ids(value, tree=value[0].tree), claim_field="claim_id"))

    def search(self, queryset, name, value):
        return claim_search(queryset, value, claim_path="claim__") if value.strip() else queryset


class InterviewFilterSet(_FilterSet):
    """Filters for interviews/: a participant, and the published date."""

    speaker = SlugsFilter(model=Speaker, noun="speaker", field_name="participants", method="by_participant", help_text="Participant slug, repeatable; a former slug names the speaker it leads to.")
    date_after = filters.DateFilter(field_name="published", lookup_expr="gte", help_text="Published on or after (YYYY-MM-DD).", **ISO_DATE)
    date_before = filters.DateFilter(field_name="published", lookup_expr="lte", help_text="Published on or before (YYYY-MM-DD).", **ISO_DATE)
    ranges = (("date_after", "date_before"),)

    class Meta:
        model = Interview
        fields = []

    def by_participant(self, queryset, name, value):
        if not value:
            return queryset
        return queryset.filter(pk__in=Interview.participants.through.objects.filter(speaker__in=value).values("interview_id"))
