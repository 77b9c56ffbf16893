"""The ingest command called as a user calls it, its output and its refusal captured (for the command's tests)."""
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError


def ingest(*args, **options):
    """(stdout, stderr) of `manage.py ingest ARGS` (extraction off unless asked for)."""
    options.setdefault("no_extract", True)
    out, err = StringIO(), StringIO()
    call_command("ingest", *map(str, args), stdout=out, stderr=err, **options)
    return out.getvalue(), err.getvalue()


def ingest_failing(*args, **options):
    """(the CommandError's message, stdout, stderr) of `manage.py ingest ARGS`, which must fail."""
    options.setdefault("no_extract", True)
    out, err = StringIO(), StringIO()
    with pytest.raises(CommandError) as error:
        call_command("ingest", *map(str, args), stdout=out, stderr=err, **options)
    return str(error.value), out.getvalue(), err.getvalue()
