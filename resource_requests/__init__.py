"""The request basket and consultation booking (issue 6).

- `basket.py`   the visitor's basket, kept in the session (no account)
- `forms.py`    all validation, once: a basket line (`ItemForm`) and the request itself (`RequestForm`);
                the web form, the basket and `POST /api/v3/requests/` all use these
- `stock.py`    availability of many basket lines at once (two queries, whatever the basket holds)
- `service.py`  what changes data: submitting (one transaction, slot place locked), approving and
                declining items (resource rows locked, reservations and grants created), status changes
                and messages; every e-mail through the outbox
- `emails.py`   the e-mails, in the association's language
- `views.py`    what `RequestPage` serves; `admin.py` the editors' inbox, consultation times, dashboard
- after the decision: `checklist.py` what is due per approved line, `proofs.py` uploads checked by content
                and stored privately, `reminders.py` the daily reminders (`tasks.py`, `send_reminders`)
"""
