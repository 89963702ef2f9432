# What an MCP server cannot say, confirmed by the pack's author (see packages/pack/README.md): the five
# tools all work on one table of tickets (left empty: scenario-gen and dialogue-sim read it from the
# server), opening, retagging and closing a ticket are the create, modify and cancel of the service,
# and the server's reset_desk tool starts every dialogue from the same desk.
(.tools[].run.table) = "tickets"
| (.tools[] | select(.changes) | .changes[].table) = "tickets"
| .database.tables = {"tickets": {"key": "id", "rows": []}}
| .services[0].table = "tickets"
| .services[0].booking = {"create": "open_ticket", "modify": "retag_ticket", "cancel": "close_ticket", "fields": ["title"]}
| .live.reset = {"server": "ticket_desk", "tool": "reset_desk"}
