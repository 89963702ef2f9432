# What the OpenAPI document cannot say, confirmed by the pack's author (see packages/pack/README.md):
# the API key comes from the environment (sent, never recorded), each dialogue starts from a reset,
# users look items up by category, and an order's item is a row of the items table.
.live.headers = {"X-Api-Key": {"env": "SHOP_API_KEY"}}
| .live.reset = {"method": "POST", "url": "/reset"}
| .services[0].search_fields = ["category"]
| (.tools[] | select(.function.name == "createOrder") | .run.ref) = {"table": "items", "arg": "item_id"}
