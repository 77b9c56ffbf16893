"""Settings for the test suite: the production settings with a test key and plain static storage."""
import os

os.environ.setdefault("DJANGO_SECRET_KEY", "test-only-key-" + "x" * 50)
os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "testserver,localhost,127.0.0.1")
os.environ.setdefault("DJANGO_SECURE_SSL_REDIRECT", "0")
os.environ.setdefault("DJANGO_SECURE_COOKIES", "0")

from project.settings import *  # noqa: E402,F403

# The manifest storage needs collectstatic; tests render admin pages without it.
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # fast user creation in tests
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # noqa: F405 (whitenoise warns about a missing folder)
