"""The reference framework of the responsible producer, evaluated on a production's data.

``framework`` reads the framework's rows and checks (data/referential/criteria.yaml);
``registry`` holds the evaluator each domain contributes for its checks.
"""
