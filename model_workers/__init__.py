"""Model workers on Ray Serve: speech recognition, voices and embeddings as deployments.

The gateway's embedded default runs every model in its own process. With
``MALBEOT_MODEL_WORKERS=ray`` (and ``MALBEOT_RAY_ADDRESS``) it calls these deployments instead,
through the same ``Transcriber`` / ``Synthesizer`` / ``Embedder`` protocols (the ``ray`` backend of
each registry), so several gateway replicas share one set of model workers that scale per stage.

``python -m model_workers deploy --address HOST:PORT`` puts them on a running Ray cluster.
Importing this package imports nothing from Ray.
"""
