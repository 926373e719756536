"""An example client of the portal's API: Arabic resources free next week, then a consultation booked.

Standard library only (urllib): run it with any Python 3.11+,

    python docs/examples/client.py https://portal.example.org

It prints what it found and the reference number of the request it sent. tests/test_api_client_example.py
runs this very file against the test suite's server.
"""

import datetime
import json
import sys
import urllib.error
import urllib.parse
import urllib.request
import uuid

BASE = (sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8000").rstrip("/")


def call(path, params=None, body=None, headers=None):
    """GET (or POST with a JSON `body`) an API address; the answer's JSON, or the problem JSON of an error."""
    url = f"{BASE}/api/v3/{path}" + ("?" + urllib.parse.urlencode(params, doseq=True) if params else "")
    data = json.dumps(body).encode() if body is not None else None
    headers = {"Accept": "application/json", **(headers or {})}
    request = urllib.request.Request(url, data=data, headers=headers)  # noqa: S310 - the portal's address
    if data is not None:
        request.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 - the portal's address
            return response.status, json.load(response)
    except urllib.error.HTTPError as error:  # 4xx: problem JSON with `detail` and `errors`
        return error.code, json.load(error)


# 1. Resources, in Arabic, that can still be had on every day of next week (Monday to Sunday).
today = datetime.date.today()
monday = today + datetime.timedelta(days=7 - today.weekday())
sunday = monday + datetime.timedelta(days=6)
status, resources = call("resources/", {"lang": "ar", "start": monday, "end": sunday, "limit": 20})
print(f"{resources['count']} resources free {monday} – {sunday}:")
for resource in resources["items"]:
    print(f"  {resource['id']:>4}  {resource['title']}  ({resource['availability']['status']})")

# 2. A consultation time held in Arabic with a free place (the soonest), else a call back.
status, times = call("consultation-times/", {"lang": "ar", "language": "ar", "limit": 1})
slot = times["items"][0]["id"] if times["items"] else "callback"
print("consultation:", times["items"][0]["start"] if times["items"] else "call back")

# 3. The request: the association, the plan, the consultation and the first thing to borrow or room
#    found, for next Monday (money and coaching take other fields: see the OpenAPI document).
lines = [
    {"resource": item["id"], "quantity": 1, "start": str(monday)}
    for item in resources["items"]
    if item["kind"]["value"] in ("lendable", "room")
][:1]
request = {
    "association_name": "جمعية الجسر",
    "contact_name": "Leyla Demir",
    "email": "leyla@example.org",
    "phone": "0231 123456",
    "consultation_language": "ar",
    "plan_title": "Sommerfest",
    "plan_description": "Ein Fest für die Nachbarschaft.",
    "slot": slot,
    "consent": True,
    "items": lines,
}
# The same key again (e.g. after a timeout) returns the first answer instead of a second request.
status, created = call("requests/", {"lang": "ar"}, request, {"Idempotency-Key": str(uuid.uuid4())})
if status != 201:
    sys.exit(f"refused ({status}): {created['detail']} {created['errors']}")
print("request", created["reference"], "–", created["status_label"])

# 4. Its status, with the token only the association has.
status, request_status = call(f"requests/{created['token']}/", {"lang": "ar"})
print("status:", request_status["status_label"], "– consultation:", request_status["consultation"])
