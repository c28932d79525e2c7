"""Check-in calls to residents who agreed to them: scheduler, dialers, the call's conversation."""
