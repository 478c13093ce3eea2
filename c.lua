wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = [==[{"query": "mutation($input: ContactRequestInput!) { requestContact(input: $input) { mode } }", "variables": {"input": {"offerId": "T2ZmZXI6MTA0", "audience": "SECONDARY_QUALIFYING", "desiredPeriod": "mesure", "message": "Mesure", "requester": {"name": "Charge", "email": "charge@example.org"}}}}]==]
