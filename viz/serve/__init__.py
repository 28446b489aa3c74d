"""`capgraph serve`: a local, read-only web explorer over the graph.

explorer.py is the library (search, expand, evidence, saved queries, exports: plain JSON-ready
data over a store); names.py the search index; app.py the Starlette application (routes, the
localhost Host check, errors as JSON); run.py starts uvicorn and stops the store cleanly.
"""
