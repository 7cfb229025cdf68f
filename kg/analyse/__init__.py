"""Analyses over a built graph (the networkx graph of ``kg.build``): who meets whom, careers, protocol, slogans.

Each analysis is a library function over ``KnowledgeGraph.graph``; the CLI, report.md and the explorer call them.
"""
