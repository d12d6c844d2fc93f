"""The demo accounts, apart from the server so the window can name them
without loading the server (start-up time)."""

DEMO_USER = "demo"
DEMO_PASSWORD = "demo1234"
# Logs in fine but may not use the agent API (API-NOTES: "NOT allowed").
NOAPI_USER = "noapi"
NOAPI_PASSWORD = "noapi1234"
