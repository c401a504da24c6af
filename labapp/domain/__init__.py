"""The lab's records and rules as plain Python: statuses, due dates, errors. No Qt, no database."""
