"""The request basket: what an association collects from the catalogue before it sends its request.

Kept in the session (a cookie with a random session id; the lines themselves are on the server), so no
account is needed. One line per resource: adding a resource again replaces its line. A line remembers the
resource by its translation key, so it survives switching language, and is shown in the visitor's
language (German where a resource is not translated). At most `REQUESTS_BASKET_MAX_ITEMS` lines.
"""

import secrets
from dataclasses import dataclass, field

from django.conf import settings

from catalogue.listing import visible_resources

SESSION_KEY = "request_basket"


@dataclass
class Line:
    id: str
    key: str
    values: dict  # quantity, start, end, amount as strings (form data)
    resource: object = None  # the live resource in the visitor's language, None when gone
    form: object = field(default=None, repr=False)


def _as_data(values):
    return {
        name: "" if value is None else (value.isoformat() if hasattr(value, "isoformat") else str(value))
        for name, value in values.items()
    }


class Basket:
    def __init__(self, request):
        self.session = request.session
        stored = self.session.get(SESSION_KEY) or []
        self.lines = [
            Line(id=str(line["id"]), key=str(line["key"]), values=dict(line.get("values") or {}))
            for line in stored
            if isinstance(line, dict) and line.get("id") and line.get("key")
        ]

    def __len__(self):
        return len(self.lines)

    def __bool__(self):
        return bool(self.lines)

    @property
    def is_full(self):
        return len(self.lines) >= settings.REQUESTS_BASKET_MAX_ITEMS

    def find(self, translation_key):
        return next((line for line in self.lines if line.key == str(translation_key)), None)

    def save(self):
        self.session[SESSION_KEY] = [
            {"id": line.id, "key": line.key, "values": line.values} for line in self.lines
        ]

    def put(self, resource, values):
        """Add the resource with these values, or replace its line. Returns the line."""
        line = self.find(resource.translation_key)
        if line is None:
            line = Line(id=secrets.token_hex(4), key=str(resource.translation_key), values={})
            self.lines.append(line)
        line.values = _as_data(values)
        line.resource = resource
        self.save()
        return line

    def update(self, line_id, values):
        line = self.line(line_id)
        if line is not None:
            line.values = _as_data(values)
            self.save()

    def remove(self, line_ids):
        ids = set(line_ids)
        before = len(self.lines)
        self.lines = [line for line in self.lines if line.id not in ids]
        if len(self.lines) != before:
            self.save()

    def clear(self):
        self.lines = []
        self.session.pop(SESSION_KEY, None)

    def line(self, line_id):
        return next((line for line in self.lines if line.id == line_id), None)

    def resolve(self, locale, default_locale):
        """Attach each line's resource as shown in `locale` (one query); drop lines whose resource is gone.

        Returns the titles of resources that were dropped (unpublished or deleted since).
        """
        if not self.lines:
            return []
        found = {
            str(resource.translation_key): resource
            for resource in visible_resources(locale, default_locale)
            .filter(translation_key__in=[line.key for line in self.lines])
            .for_display()
        }
        gone = [line for line in self.lines if line.key not in found]
        for line in self.lines:
            line.resource = found.get(line.key)
        if gone:
            self.lines = [line for line in self.lines if line.resource is not None]
            self.save()
        return gone
