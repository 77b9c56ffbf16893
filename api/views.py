"""Viewsets: routing, permissions, filters and the schema from DRF; rows from selectors via api.rows."""
from __future__ import annotations

import difflib
from contextlib import contextmanager

from django.conf import settings
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import IntegrityError
from django.http import Http404, HttpResponsePermanentRedirect, JsonResponse, StreamingHttpResponse
from django.urls import reverse
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from drf_spectacular.views import SpectacularAPIView
from rest_framework import status, viewsets
from rest_framework.authentication import SessionAuthentication, TokenAuthentication
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.renderers import BrowsableAPIRenderer
from rest_framework.request import ForcedAuthentication
from rest_framework.response import Response
from rest_framework.settings import api_settings

from claims.models import Claim, Interview, Prediction, Speaker, Topic
from claims.selectors import (
    claim_get,
    claim_list,
    claim_spoken_quotes_filled,
    claim_row_get,
    claim_topics_expression,
    interview_list,
    interview_transcript,
    prediction_get,
    prediction_list,
    slug_current,
    speaker_list,
    topic_list,
)
from claims.services import claim_create, claim_delete, claim_update, prediction_resolve

from . import serializers as s
from .filters import ClaimFilterSet, InterviewFilterSet, PredictionFilterSet, repeatable_parameters
from .pagination import ClaimPagination, PredictionPagination, SmallListPagination, keyset_iterate
from .permissions import IsStaffOrReadOnly
from .renderers import CSVRenderer, JSONLinesRenderer, OrjsonRenderer
from .rows import (
    CLAIM_CSV_COLUMNS,
    CLAIM_FIELDS,
    PREDICTION_CSV_COLUMNS,
    PREDICTION_FIELDS,
    claim_row,
    claim_row_annotations,
    claim_rows,
    claim_rows_with_topics,
    prediction_rows,
)

EXPORT_FORMATS = {"csv", "jsonl"}
SLUG_REGEX = r"[-a-zA-Z0-9_]{1,200}"
ID_REGEX = r"[0-9]{1,18}"
SAFE_METHODS = ("GET", "HEAD", "OPTIONS")
# What DRF's negotiation gives the first renderer (application/json) for these Accept headers.
PLAIN_ACCEPTS = (None, "", "*/*", "application/json")


class ApiViewSet(viewsets.GenericViewSet):
    # Token first: an anonymous write then gets 401 with a WWW-Authenticate header, not 403.
    authentication_classes = [TokenAuthentication, SessionAuthentication]
    permission_classes = [IsStaffOrReadOnly]
    renderer_classes = [OrjsonRenderer, BrowsableAPIRenderer]
    filter_backends = [DjangoFilterBackend]

    # Issue 8: per-request DRF work that cannot change the outcome of the common anonymous JSON read
    # is skipped; every other request goes through DRF unchanged.

    def initialize_request(self, request, *args, **kwargs):
        drf_request = super().initialize_request(request, *args, **kwargs)
        # A read with neither a token nor a session cookie is anonymous whatever the authenticators
        # say (each would return None); writes keep them for the 401 and its WWW-Authenticate header,
        # and a test client's forced authentication is kept.
        if (
            request.method in SAFE_METHODS and "HTTP_AUTHORIZATION" not in request.META
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and not any(isinstance(auth, ForcedAuthentication) for auth in drf_request.authenticators)
        ):
            drf_request.authenticators = ()
        return drf_request

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        if request.method in SAFE_METHODS:
            known = self._query_parameters()
            unknown = [name for name in request.query_params if name not in known and not name.startswith("_")]
            if unknown:
                raise ValidationError({name: [unknown_parameter_message(name, known)] for name in unknown})
            repeated = repeated_parameters(request.query_params, repeatable=self._repeatable_parameters())
            if repeated:
                raise ValidationError({name: [repeated_parameter_message(values)] for name, values in repeated.items()})

    def _query_parameters(self) -> frozenset[str]:
        """What this action's schema documents (a list: its filters and pagination), and ?format=.
        A misspelt filter would otherwise be ignored, and the answer look like the filtered one."""
        cache = type(self).__dict__.get("_known_parameters")
        if cache is None:
            cache = type(self)._known_parameters = {}
        known = cache.get(self.action)
        if known is None:
            names = {api_settings.URL_FORMAT_OVERRIDE}
            if self.action == "list":
                filterset_class = getattr(self, "filterset_class", None)
                if filterset_class is not None and self.filter_backends:
                    names.update(filterset_class.base_filters)
                if self.paginator is not None:
                    names.update(p["name"] for p in self.paginator.get_schema_operation_parameters(self))
            known = cache[self.action] = frozenset(names)
        return known

    def _repeatable_parameters(self) -> frozenset[str]:
        filterset_class = getattr(self, "filterset_class", None)
        if self.action != "list" or filterset_class is None:
            return frozenset()
        return repeatable_parameters(filterset_class)

    def perform_content_negotiation(self, request, force=False):
        # No ?format=, no format suffix and a JSON or any-type Accept: DRF would pick the first
        # renderer (JSON) with its own media type.
        if (
            self.format_kwarg is None and api_settings.URL_FORMAT_OVERRIDE not in request.query_params
            and request.META.get("HTTP_ACCEPT") in PLAIN_ACCEPTS
        ):
            renderer = self.renderer_classes[0]()
            if renderer.media_type == "application/json":
                return renderer, renderer.media_type
        try:
            return super().perform_content_negotiation(request, force=force)
        except Http404:
            raise unknown_format(request, self.renderer_classes) from None


def unknown_format(request, renderer_classes) -> Exception:
    """DRF's answer to ?format=xml is "404 Not found.", as if the endpoint were missing: a 400 naming the
    format asked for and those offered instead (the 404 itself when no ?format= was given)."""
    given = request.query_params.get(api_settings.URL_FORMAT_OVERRIDE)
    if given is None:
        return Http404()
    formats = ", ".join(dict.fromkeys(renderer.format for renderer in renderer_classes))
    return ValidationError({api_settings.URL_FORMAT_OVERRIDE: [
        f"Unknown format {given[:50]!r}; this endpoint answers in: {formats}."
    ]})


class SchemaView(SpectacularAPIView):
    """The OpenAPI schema (YAML, or JSON); an unknown ?format= is a 400 as on the other endpoints."""

    def perform_content_negotiation(self, request, force=False):
        if force:  # negotiation failed and DRF wants a renderer for the error: JSON, not the first one's YAML
            return OrjsonRenderer(), OrjsonRenderer.media_type
        try:
            return super().perform_content_negotiation(request)
        except Http404:
            raise unknown_format(request, self.renderer_classes) from None


class KeysetListMixin:
    """list(): one keyset page as JSON, or every matching row streamed as CSV / JSON Lines."""

    row_fields: tuple[str, ...] = ()
    csv_columns: tuple[str, ...] = ()
    export_name = ""

    @staticmethod
    def make_rows(values):
        raise NotImplementedError

    def row_annotations(self) -> dict:
        """Columns the row query adds after `row_fields` (name: expression), for make_rows."""
        return {}

    def list(self, request, *args, **kwargs):
        queryset = self.filter_queryset(self.get_queryset())
        renderer = request.accepted_renderer
        if renderer.format in EXPORT_FORMATS:
            return self._export(queryset, renderer)
        values, next_link, previous_link = self.paginator.paginate(queryset, request, self.row_fields, self.row_annotations())
        return Response({"next": next_link, "previous": previous_link, "results": self.make_rows(values)})

    def _export(self, queryset, renderer):
        keys = self.paginator.orderings[self.paginator.ordering_from(self.request)]
        chunks = keyset_iterate(queryset, keys, self.row_fields, annotations=self.row_annotations())
        rows = (row for chunk in chunks for row in self.make_rows(chunk))
        stream = renderer.stream(rows, self.csv_columns) if renderer.format == "csv" else renderer.stream(rows)
        content_type = renderer.media_type + (f"; charset={renderer.charset}" if renderer.charset else "")
        response = StreamingHttpResponse(stream, content_type=content_type)
        response["Content-Disposition"] = f'attachment; filename="{self.export_name}.{renderer.format}"'
        return response


def api_not_found(request, *args, **kwargs):
    """A JSON 404 for an /api/ path no route takes, pointing at the root that lists the endpoints."""
    root = request.build_absolute_uri(reverse("api-root"))
    return JsonResponse({"detail": f"Nothing at {request.path[:200]}; the API root {root} lists the endpoints, "
                                   "claims and predictions by number, the others by slug."}, status=404)


# Other APIs' names for what these endpoints call otherwise (DRF's SearchFilter, LimitOffsetPagination, ...).
OTHER_APIS_NAMES = {"search": "q", "query": "q", "text": "q", "limit": "page_size", "per_page": "page_size",
                    "sort": "ordering", "order_by": "ordering", "order": "ordering", "page": "cursor"}


def unknown_parameter_message(name: str, known) -> str:
    """One line for a query parameter the endpoint does not take: the likely meant one, and all of them."""
    meant = OTHER_APIS_NAMES.get(name.lower())
    if meant not in known:
        close = difflib.get_close_matches(name.lower(), known, n=1, cutoff=0.75)
        meant = close[0] if close else None
    hint = f"did you mean {meant!r}? " if meant else ""
    return f"Unknown query parameter {name[:50]!r}; {hint}this endpoint takes: {', '.join(sorted(known))}."


def repeated_parameters(query_params, *, repeatable) -> dict[str, list[str]]:
    """{name: its values} of the parameters given more than once with different values that take one
    value: of ?hedged=true&hedged=false, Django reads the last, and the first is silently dropped."""
    repeated = {}
    for name in query_params:
        if name in repeatable or name.startswith("_"):
            continue
        values = list(dict.fromkeys(value for value in query_params.getlist(name) if value.strip()))
        if len(values) > 1:
            repeated[name] = values
    return repeated


def repeated_parameter_message(values: list[str]) -> str:
    shown = ", ".join(repr(value[:50]) for value in values[:5])
    return f"Given {len(values)} different values ({shown}); this parameter takes one."


@contextmanager
def service_errors():
    """The services' ValidationError (the admin's checks) as a 400 keyed by API field names."""
    try:
        yield
    except DjangoValidationError as error:
        detail = error.message_dict if hasattr(error, "error_dict") else {"non_field_errors": error.messages}
        renamed = {"claim_type": "type", "__all__": "non_field_errors"}
        raise ValidationError({renamed.get(key, key): value for key, value in detail.items()})
    except IntegrityError as error:
        raise ValidationError({"non_field_errors": [f"Conflicts with existing data: {error}"]})


EXPORT_DESCRIPTION = (
    "Formats: JSON (paginated), CSV (`?format=csv` or `Accept: text/csv`) and JSON Lines "
    "(`?format=jsonl` or `Accept: application/x-ndjson`). CSV and JSON Lines stream every matching row."
)



def export_responses(serializer_class) -> dict:
    return {
        (200, "application/json"): serializer_class(many=True),
        (200, "text/csv"): OpenApiResponse(OpenApiTypes.STR, description="One row per result, with a header row."),
        (200, "application/x-ndjson"): OpenApiResponse(OpenApiTypes.STR, description="One JSON object per line."),
    }


@extend_schema_view(
    list=extend_schema(summary="Claims, filtered and searched", description=EXPORT_DESCRIPTION,
                       responses=export_responses(s.ClaimSerializer)),
    retrieve=extend_schema(summary="One claim"),
    create=extend_schema(request=s.ClaimWriteSerializer, responses={201: s.ClaimSerializer}, summary="Add a claim (staff)"),
    update=extend_schema(request=s.ClaimWriteSerializer, responses=s.ClaimSerializer, summary="Replace a claim (staff)"),
    partial_update=extend_schema(request=s.ClaimWriteSerializer, responses=s.ClaimSerializer, summary="Change a claim (staff)"),
    destroy=extend_schema(summary="Delete a claim (staff)"),
)
class ClaimViewSet(KeysetListMixin, ApiViewSet, viewsets.ModelViewSet):
    """Claims: anonymous clients see approved ones; staff see every status and may write."""

    queryset = Claim.objects.none()
    lookup_value_regex = ID_REGEX
    filterset_class = ClaimFilterSet
    pagination_class = ClaimPagination
    renderer_classes = [OrjsonRenderer, BrowsableAPIRenderer, CSVRenderer, JSONLinesRenderer]
    row_fields = CLAIM_FIELDS
    csv_columns = CLAIM_CSV_COLUMNS
    export_name = "claims"
    make_rows = staticmethod(claim_rows_with_topics)

    def row_annotations(self) -> dict:
        # The topics in the row query itself: one query per page instead of two (issue 8).
        return {**claim_row_annotations(), "topic_slugs": claim_topics_expression()}

    def get_queryset(self):
        return claim_list(user=self.request.user)

    def get_object(self):
        claim = claim_get(pk=self.kwargs["pk"], user=self.request.user)
        if claim is None:
            raise NotFound("No such claim.")
        return claim

    def get_serializer_class(self):
        return s.ClaimWriteSerializer if self.request.method in ("POST", "PUT", "PATCH") else s.ClaimSerializer

    def _row(self, pk) -> dict:
        # One once-compiled query with the topics aggregated (issue 8: detail was 8-90x a raw read).
        values = claim_row_get(pk=int(pk), fields=CLAIM_FIELDS, annotations=claim_row_annotations(), user=self.request.user)
        if values is None:
            raise NotFound("No such claim.")
        return claim_spoken_quotes_filled([claim_row(values, values[-1], reading_window=values[-2])])[0]

    def retrieve(self, request, *args, **kwargs):
        return Response(self._row(kwargs["pk"]))

    def create(self, request, *args, **kwargs):
        serializer = s.ClaimWriteSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        fields = dict(serializer.validated_data)
        if fields.get("prediction") is not None:
            fields["prediction"] = dict(fields["prediction"])
        with service_errors():
            claim = claim_create(**fields)
        return Response(self._row(claim.pk), status=status.HTTP_201_CREATED)

    def update(self, request, *args, partial=False, **kwargs):
        claim = self.get_object()
        serializer = s.ClaimWriteSerializer(claim, data=request.data, partial=partial)
        serializer.is_valid(raise_exception=True)
        fields = dict(serializer.validated_data)
        drop = "prediction" in fields and fields["prediction"] is None  # {"prediction": null}: remove it
        prediction = fields.pop("prediction", None)
        with service_errors():
            claim_update(claim, prediction=dict(prediction) if prediction is not None else None, drop_prediction=drop, **fields)
        return Response(self._row(claim.pk))

    def partial_update(self, request, *args, **kwargs):
        return self.update(request, *args, partial=True, **kwargs)

    def perform_destroy(self, instance):
        claim_delete(instance)


@extend_schema_view(
    list=extend_schema(summary="Predictions, filtered", description=EXPORT_DESCRIPTION,
                       responses=export_responses(s.PredictionSerializer)),
    retrieve=extend_schema(summary="One prediction"),
)
class PredictionViewSet(KeysetListMixin, ApiViewSet, viewsets.ReadOnlyModelViewSet):
    """Predictions of the claims the client may read, with their claim's speaker, date and topics."""

    queryset = Prediction.objects.none()
    serializer_class = s.PredictionSerializer
    lookup_value_regex = ID_REGEX
    filterset_class = PredictionFilterSet
    pagination_class = PredictionPagination
    renderer_classes = [OrjsonRenderer, BrowsableAPIRenderer, CSVRenderer, JSONLinesRenderer]
    row_fields = PREDICTION_FIELDS
    csv_columns = PREDICTION_CSV_COLUMNS
    export_name = "predictions"
    make_rows = staticmethod(prediction_rows)

    def get_queryset(self):
        return prediction_list(user=self.request.user)

    def retrieve(self, request, *args, **kwargs):
        rows = prediction_rows(self.get_queryset().filter(pk=kwargs["pk"]).values_list(*PREDICTION_FIELDS))
        if not rows:
            raise NotFound("No such prediction.")
        return Response(rows[0])

    @extend_schema(request=s.PredictionResolveSerializer, responses=s.PredictionSerializer, summary="Record an outcome (staff)")
    @action(detail=True, methods=["post"], serializer_class=s.PredictionResolveSerializer)
    def resolve(self, request, pk=None):
        prediction = prediction_get(pk=pk, user=request.user)
        if prediction is None:
            raise NotFound("No such prediction.")
        serializer = s.PredictionResolveSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        with service_errors():
            prediction_resolve(prediction, **serializer.validated_data)
        return self.retrieve(request, pk=pk)


class FormerSlugRedirectMixin:
    """retrieve() by a former slug (of a speaker or topic merged into another, or renamed) answers 301
    Moved Permanently with the URL of the slug it leads to, query string kept: clients follow it on
    GET and may update what they saved, and the body they get names the record by its current slug
    (served under the old URL it would contradict the address). One lookup, only after a miss."""

    def retrieve(self, request, *args, **kwargs):
        try:
            return super().retrieve(request, *args, **kwargs)
        except (Http404, NotFound):
            current = slug_current(self.queryset.model, kwargs["slug"])
            if current is None:
                raise
        route = {"slug": current} | ({"format": self.format_kwarg} if self.format_kwarg else {})
        url = request.build_absolute_uri(reverse(f"{self.basename}-detail", kwargs=route))
        query = request.META.get("QUERY_STRING", "")
        return HttpResponsePermanentRedirect(f"{url}?{query}" if query else url)


MOVED = OpenApiResponse(description="A former slug: Location is the URL of the record's current slug (query string kept).")


@extend_schema_view(retrieve=extend_schema(responses={200: s.TopicSerializer, 301: MOVED}))
class TopicViewSet(FormerSlugRedirectMixin, ApiViewSet, viewsets.ReadOnlyModelViewSet):
    """The topic tree: each topic with its parent, children and claim counts."""

    queryset = Topic.objects.none()
    serializer_class = s.TopicSerializer
    pagination_class = SmallListPagination
    lookup_field = "slug"
    lookup_value_regex = SLUG_REGEX

    def get_queryset(self):
        return topic_list(user=self.request.user)

    def get_object(self):
        for topic in self.get_queryset():
            if topic.slug == self.kwargs["slug"]:
                return topic
        raise NotFound("No such topic.")


@extend_schema_view(retrieve=extend_schema(responses={200: s.SpeakerSerializer, 301: MOVED}))
class SpeakerViewSet(FormerSlugRedirectMixin, ApiViewSet, viewsets.ReadOnlyModelViewSet):
    """People who speak in the interviews, with their claim and interview counts."""

    queryset = Speaker.objects.none()
    serializer_class = s.SpeakerSerializer
    pagination_class = SmallListPagination
    lookup_field = "slug"
    lookup_value_regex = SLUG_REGEX

    def get_queryset(self):
        return speaker_list(user=self.request.user)


class InterviewViewSet(ApiViewSet, viewsets.ReadOnlyModelViewSet):
    """Interviews: metadata, participants, chapters, claim counts; the transcript on its own route."""

    queryset = Interview.objects.none()
    serializer_class = s.InterviewSerializer
    filterset_class = InterviewFilterSet
    pagination_class = SmallListPagination
    lookup_field = "slug"
    lookup_value_regex = SLUG_REGEX

    def get_queryset(self):
        return interview_list(user=self.request.user)

    @extend_schema(
        responses=OpenApiResponse(s.TranscriptSerializer, description="Offsets are code-point indices into text."),
        summary="The source text with turns, chapters and claim spans",
        filters=False,
    )
    @action(detail=True, filter_backends=[], pagination_class=None)
    def transcript(self, request, slug=None):
        interview = self.get_object()
        transcript = interview_transcript(interview=interview)
        annotations = claim_row_annotations()
        values = (
            claim_list(user=request.user).filter(interview=interview).annotate(**annotations)
            .order_by("start_char", "end_char").values_list(*CLAIM_FIELDS, *annotations)
        )
        spans = ("id", "start_char", "end_char", "speaker", "type", "status", "statement", "topics")
        return Response({
            "interview": interview.slug,
            "text": transcript["text"],
            "turns": s.TurnSerializer(transcript["turns"], many=True).data,
            "chapters": s.ChapterSerializer(interview.chapters.all(), many=True).data,
            "claims": [{name: row[name] for name in spans} for row in claim_rows(values)],
        })
