"""JSON through orjson, and the two export formats: CSV and JSON Lines (streamed by the list views)."""
from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator, Sequence

import orjson
from django.utils.functional import Promise
from rest_framework.renderers import BaseRenderer, JSONRenderer


def _default(value):
    if isinstance(value, Promise):  # lazy translations in DRF's error messages
        return str(value)
    raise TypeError(f"{type(value).__name__} is not JSON serializable")


class OrjsonRenderer(JSONRenderer):
    """application/json rendered by orjson (dates as ISO 8601), indented when the browsable API asks."""

    def render(self, data, accepted_media_type=None, renderer_context=None):
        if data is None:
            return b""
        indent = self.get_indent(accepted_media_type or "", renderer_context or {})
        return orjson.dumps(data, default=_default, option=orjson.OPT_INDENT_2 if indent else 0)


# Spreadsheets run a cell that starts with one of these as a formula (CSV injection); a leading
# apostrophe makes it text. OWASP's list: = + - @ tab and carriage return.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _escaped(value: str) -> str:
    return "'" + value if value.startswith(_FORMULA_START) else value


def _cell(row: dict, path: Sequence[str]):
    value = row
    for part in path:
        if not isinstance(value, dict):
            return ""
        value = value.get(part)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return _escaped("|".join(str(item) for item in value))
    if isinstance(value, dict):
        return orjson.dumps(value, default=_default).decode()
    if isinstance(value, str):
        return _escaped(value)
    return value


class _Line:
    """A file-like object that hands back what csv.writer wrote."""

    def __init__(self):
        self.text = ""

    def write(self, text):
        self.text = text


class CSVRenderer(BaseRenderer):
    """text/csv: one row per result, nested fields flattened to columns like speaker_slug.

    The view names its columns as dotted paths (`csv_columns`); lists become 'a|b'.
    """

    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"

    @staticmethod
    def columns_of(data) -> list[str]:
        if isinstance(data, dict):
            return [str(name) for name in data]
        return []

    def stream(self, rows: Iterable[dict], columns: Sequence[str]) -> Iterator[bytes]:
        line = _Line()
        writer = csv.writer(line)
        paths = [column.split(".") for column in columns]
        writer.writerow([column.replace(".", "_") for column in columns])
        yield line.text.encode()
        for row in rows:
            writer.writerow([_cell(row, path) for path in paths])
            yield line.text.encode()

    def render(self, data, accepted_media_type=None, renderer_context=None):
        view = (renderer_context or {}).get("view")
        if isinstance(data, dict) and "results" in data:
            data = data["results"]
        rows = data if isinstance(data, list) else [data]
        columns = getattr(view, "csv_columns", None) if rows and rows[0] and _is_result(rows[0], view) else None
        if not columns:
            # Errors and other documents: their own top-level keys as columns.
            columns = self.columns_of(rows[0]) if rows and isinstance(rows[0], dict) else ["value"]
            rows = rows if rows and isinstance(rows[0], dict) else [{"value": item} for item in rows]
        buffer = io.BytesIO()
        for chunk in self.stream(rows, columns):
            buffer.write(chunk)
        return buffer.getvalue()


def _is_result(row, view) -> bool:
    columns = getattr(view, "csv_columns", None)
    return bool(columns) and isinstance(row, dict) and columns[0].split(".")[0] in row


class JSONLinesRenderer(BaseRenderer):
    """application/x-ndjson (JSON Lines): one JSON object per line."""

    media_type = "application/x-ndjson"
    format = "jsonl"
    charset = None

    def stream(self, rows: Iterable[dict]) -> Iterator[bytes]:
        for row in rows:
            yield orjson.dumps(row, default=_default, option=orjson.OPT_APPEND_NEWLINE)

    def render(self, data, accepted_media_type=None, renderer_context=None):
        if data is None:
            return b""
        if isinstance(data, dict) and "results" in data:
            data = data["results"]
        return b"".join(self.stream(data if isinstance(data, list) else [data]))
