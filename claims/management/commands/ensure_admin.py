import secrets

from django.contrib.auth import get_user_model

from claims.management.database import DatabaseCommand


class Command(DatabaseCommand):
    help = "Create the admin user with a generated password if it does not exist, and print where things are."

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin")
        parser.add_argument("--url", default="http://127.0.0.1:8000", help="Where the service will listen.")

    def handle(self, *args, username: str, url: str, **options):
        users = get_user_model()
        url = url.rstrip("/")
        if users.objects.filter(username=username).exists():
            login = f"user '{username}' (exists already; reset with: manage.py changepassword {username})"
        else:
            password = secrets.token_urlsafe(15)
            users.objects.create_superuser(username=username, email="", password=password)
            login = f"user '{username}', password '{password}' (generated now; shown only once)"
        self.stdout.write(
            f"\n  Admin:    {url}/admin/   login: {login}\n"
            f"  API:      {url}/api/\n"
            f"  API docs: {url}/api/docs/\n"
        )
