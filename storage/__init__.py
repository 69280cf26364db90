"""The only place with SQL: the connection, numbered migrations and one repository per table."""
