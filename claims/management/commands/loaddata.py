"""Django's loaddata, made strict: unknown references and duplicates stop the load with a clear
error, and every loaded claim is checked before the transaction commits. Whatever a damaged file
makes go wrong (bad JSON, a row of a wrong shape, a value the database refuses) is one line naming
the file, the line of the object where known, and the reason; nothing is loaded."""
import codecs
import json
import re
from pathlib import Path

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist, ObjectDoesNotExist, ValidationError
from django.core.management.base import CommandError
from django.core.management.commands import loaddata
from django.core.serializers.base import DeserializationError
from django.db import DatabaseError
from django.db.models import IntegerField
from django.db.models.functions import Length
from django.utils.functional import cached_property

from claims.bulk import (
    former_slug_current_message,
    former_slug_defined_message,
    iter_fixture_objects,
    iter_json_array,
    merged_parts_message,
    not_utf8,
    required_problem,
    span_past_text,
    value_problem,
)
from claims.dataset import claims_invalid
from claims.models import Chapter, Claim, Interview, Participation, Turn
from claims.selectors import FORMER_SLUGS, slug_current

OWNER_OF_FORMER = {former: (model, owner) for model, (former, owner) in FORMER_SLUGS.items()}
# What a damaged fixture makes Django's deserializer or the database raise (not programming errors).
DAMAGE = (DeserializationError, DatabaseError, ValidationError, ObjectDoesNotExist, ValueError, TypeError,
          LookupError, UnicodeDecodeError)


class FixtureRefused(Exception):
    """A row the load refuses; Django's load_label puts the fixture file's name in front of the message."""


def _open_without_bom(path, mode):
    """A fixture file, past a UTF-8 byte-order mark if an editor wrote one."""
    file = open(path, mode)  # noqa: SIM115 (loaddata closes it)
    if file.read(len(codecs.BOM_UTF8)) != codecs.BOM_UTF8:
        file.seek(0)
    return file


def _reason(error: BaseException) -> str:
    """The error's own words on one line, without Django's "Problem installing fixture '...': " (the file
    is named by the caller) and with the cause where Django's message is empty."""
    text = str(error)
    if text.startswith("Problem installing fixture"):
        text = text.split(": ", 1)[1] if ": " in text else ""
    text = text.removeprefix("Error deserializing object: ")
    # Django's words for a natural key that names nothing
    unknown = re.fullmatch(r"(\w+) matching query does not exist\.: \(([\w.]+):pk=[^)]*\) field_value was '(.*)'", text)
    if unknown:
        return f"{unknown[2]}: unknown {unknown[1].lower()} {unknown[3]}"
    missing = re.fullmatch(r"(\w+) has no (\w+)\.", text)
    if missing:
        return f"{missing[1].lower()}: its {missing[2]} is unknown or not given"
    if not text.strip() and error.__cause__ is not None:
        return _reason(error.__cause__)
    return " ".join(part.strip() for part in text.splitlines() if part.strip()) or type(error).__name__


def _unknown_keys(deferred_fields: dict, using) -> list[str]:
    """'unknown <model> <key>' for each natural key of the deferred references that names no row."""
    unknown = []
    for field, value in deferred_fields.items():
        manager = field.related_model._default_manager.db_manager(using)
        for natural_key in (value if field.many_to_many else [value]):
            try:
                manager.get_by_natural_key(*natural_key)
            except (ObjectDoesNotExist, TypeError, ValueError):
                unknown.append(f"unknown {field.related_model._meta.model_name} {natural_key!r}")
    return unknown


def _file_problem(path: Path) -> None:
    """Raise import_fixtures' refusal of a file that is not a JSON array of objects, if it is one."""
    for _ in iter_json_array(path):
        pass


def _refuse_loose_whole_numbers(path: Path) -> None:
    """Refuse a whole-number field written as text, a fraction or a boolean ("0", 1.5, true), as
    import_fixtures does: Django's deserializer would convert them (to 0, 1 and 1) before any check
    could see them. Rows of unknown models or fields are left to the load, which names them."""
    try:
        for line, row in iter_fixture_objects(path):
            if not (isinstance(row, dict) and isinstance(row.get("fields"), dict)):
                continue
            try:
                model = apps.get_model(row.get("model"))
            except (LookupError, TypeError, ValueError):
                continue
            for name, value in row["fields"].items():
                try:
                    field = model._meta.get_field(name)
                except FieldDoesNotExist:
                    continue
                if isinstance(field, IntegerField) and not field.is_relation:
                    problem = value_problem(field, value)
                    if problem:
                        raise CommandError(f"{path}:{line}: {model._meta.label_lower}: {name}: {problem}")
    except (ValueError, UnicodeDecodeError):
        return  # not a JSON array: the load refuses the file as a whole


class Command(loaddata.Command):
    help = (
        loaddata.Command.help
        + " Unknown references, duplicate rows and claims whose quote is not at its offsets"
        " stop the load and leave the database as it was. A speaker or topic named by a slug it had"
        " before a merge or a rename is the one it went into."
    )

    @cached_property
    def compression_formats(self):
        formats = dict(super().compression_formats)
        formats[None] = (_open_without_bom, "rb")
        return formats

    def loaddata(self, fixture_labels):
        self.loaded_claim_ids = []
        self.claim_objects = {}  # claim natural key -> (file, index of its object)
        self.seen_keys = set()
        self.roles = {}  # participation natural key -> role
        self.text_lengths = {}  # interview id -> its transcript's length
        try:
            super().loaddata(fixture_labels)
        except FixtureRefused as refused:  # a reference resolved after the last file (deferred fields)
            raise CommandError(str(refused)) from None
        except CommandError:
            raise
        except DAMAGE as error:  # e.g. SQLite's foreign-key check after the last file
            raise CommandError(_reason(error)) from None
        problems = claims_invalid(self.loaded_claim_ids)
        if problems:
            claim = re.match(r"claim (\S+)\[(\d+):(\d+)\]", problems[0])
            found = claim and self.claim_objects.get((claim[1], int(claim[2]), int(claim[3])))
            where = f"{self._where(found[0], found[1], None)}: " if found else ""
            more = f" (and {len(problems) - 1} more invalid claim(s))" if len(problems) > 1 else ""
            raise CommandError(f"{where}{problems[0]}{more}; nothing was loaded")

    def load_label(self, fixture_label):
        self.fixture_file, self.objects_seen, self.saving = fixture_label, 0, False
        if Path(fixture_label).is_file():
            _refuse_loose_whole_numbers(Path(fixture_label))
        try:
            super().load_label(fixture_label)
        except CommandError:
            raise
        except UnicodeDecodeError:
            raise not_utf8(Path(fixture_label)) from None
        except (FixtureRefused, *DAMAGE) as error:
            if not self.objects_seen:  # the file as a whole (not an array: Django's error is about indices)
                _file_problem(Path(fixture_label))
            index = self.objects_seen - 1 if self.saving else self.objects_seen
            raise CommandError(f"{self._where(fixture_label, index, error)}: {_reason(error)}") from None

    @staticmethod
    def _where(path, index: int, error: BaseException | None) -> str:
        """'<file>:<line>' of the object at `index` (of the JSON error), else '<file>'."""
        cause = error and error.__cause__
        if isinstance(cause, json.JSONDecodeError):
            return f"{path}:{cause.lineno}"
        try:
            for position, (line, _) in enumerate(iter_json_array(path)):
                if position == index:
                    return f"{path}:{line}"
        except (CommandError, ValueError):
            pass
        return str(path)

    def save_obj(self, obj):
        self.objects_seen += 1
        self.saving = True
        saved = self._save_obj(obj)
        self.saving = False
        return saved

    def _save_obj(self, obj):
        row = obj.object
        label = row._meta.label_lower
        if self.app_label and row._meta.app_label != self.app_label:
            # Django's --app only picks fixture folders; a named file could still create users (load_dataset)
            raise FixtureRefused(f"{label} is not a model of the app {self.app_label!r}")
        key = row.natural_key() if hasattr(row, "natural_key") else row.pk
        for field, value in obj.deferred_fields.items():
            # A required reference that is still unknown can never be saved: say which one.
            if not field.many_to_many and not field.null:
                raise FixtureRefused(f"{label} {key}: unknown {field.related_model._meta.model_name} {value!r}")
        if obj.deferred_fields:
            self._name_a_late_failure(obj, label, key)
        for field in row._meta.concrete_fields:
            value = getattr(row, field.attname)
            problem = required_problem(field, value) or value_problem(field, value)
            if problem:
                raise FixtureRefused(f"{label} {key}: {field.name}: {problem}")
        if isinstance(row, (Turn, Chapter)):
            problem = span_past_text(label, row.start_char, getattr(row, "end_char", None), self._text_length(row.interview_id))
            if problem:
                raise FixtureRefused(f"{label} {key}: {problem}")
        if isinstance(row, Participation) and self._participation_merged(row, key):
            return False
        if key is not None:
            if (label, key) in self.seen_keys:
                raise FixtureRefused(f"duplicate {label} {key}")
            self.seen_keys.add((label, key))
        self._refuse_slug_clash(row)
        saved = super().save_obj(obj)
        if saved and isinstance(row, Claim):
            self.loaded_claim_ids.append(row.pk)
            self.claim_objects[key] = (self.fixture_file, self.objects_seen - 1)
        return saved

    def _name_a_late_failure(self, obj, label: str, key) -> None:
        """References a row may make to rows of later files are resolved after the last file: one still
        unknown then is refused naming the row's file and line, not Django's DoesNotExist traceback."""
        path, index, save_deferred_fields = self.fixture_file, self.objects_seen - 1, obj.save_deferred_fields

        def save(using=None):
            try:
                save_deferred_fields(using=using)
            except DAMAGE as error:
                unknown = "; ".join(_unknown_keys(obj.deferred_fields, using)) or _reason(error)
                raise FixtureRefused(f"{self._where(path, index, error)}: {label} {key}: {unknown}") from None

        obj.save_deferred_fields = save

    def _text_length(self, interview_id: int) -> int:
        """The length of an interview's transcript (saved before its turns: they follow it in its file)."""
        length = self.text_lengths.get(interview_id)
        if length is None:
            found = Interview.objects.filter(pk=interview_id).values_list(Length("source_text"), flat=True).first()
            length = self.text_lengths[interview_id] = found or 0
        return length

    def _participation_merged(self, participation: Participation, key) -> bool:
        """Whether the interview already has this part for this speaker, named by another slug in the
        fixture: two speakers merged since the export; one participation stays, as in speaker_merge. (The
        deserializer keeps no slug as written: two rows naming a speaker with former slugs are taken for that.)"""
        role = self.roles.setdefault(key, participation.role)
        if ("claims.participation", key) not in self.seen_keys or not participation.speaker.former_slugs.exists():
            return False
        if role != participation.role:
            raise FixtureRefused(merged_parts_message(key[0], key[1], role, participation.role))
        return True

    @staticmethod
    def _refuse_slug_clash(row) -> None:
        """A speaker or topic defined under another's former slug: its natural key found the record kept,
        which saving would overwrite with the stale row. A former slug that is a row's current slug would
        name two rows."""
        model = type(row)
        noun = model._meta.model_name
        if model in FORMER_SLUGS:
            holder = slug_current(model, row.slug)
            if holder is not None:
                raise FixtureRefused(former_slug_defined_message(noun, row.slug, holder))
        elif model in OWNER_OF_FORMER:
            owner_model, owner = OWNER_OF_FORMER[model]
            if owner_model._default_manager.filter(slug=row.slug).exists():
                raise FixtureRefused(former_slug_current_message(owner, row.slug, getattr(row, owner).slug))
