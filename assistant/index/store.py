"""The vector store: a small protocol and its Chroma implementation (embedded or a Chroma server).

Two collections share one suffix derived from what shapes the index (embedding model, encoding,
chunk size, overlap): ``chunks-<suffix>`` holds passages with their embeddings and offsets, and
``reports-<suffix>`` holds each parsed ``Report`` as JSON keyed by report id (content hash, title and
chunk count in its metadata). So facts and citations are served from the store alone, and a Chroma
server can hold a whole catalogue that no local corpus folder mirrors.
"""

from __future__ import annotations

import logging
import re
import time
import uuid
from collections.abc import Collection as AbstractCollection
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol
from urllib.parse import urlsplit

import numpy as np
from pydantic import BaseModel

from assistant.domain.report import Report
from assistant.errors import ConfigError, IndexError_
from assistant.index import embedded
from assistant.index.chunking import Chunk
from assistant.index.embedded import INGEST_HINT
from assistant.index.records import StoredReport, record_metadata
from assistant.settings import Settings

if TYPE_CHECKING:
    from chromadb.api import ClientAPI
    from chromadb.api.models.Collection import Collection

log = logging.getLogger(__name__)

# Collection metadata key of the store's version stamp, rewritten by every ingest that changes the store.
VERSION_KEY = "store_version"
QUIET_S = 2.0  # seconds without writes after which a stamp read for a database file state is trusted


class Hit(BaseModel):
    """A stored chunk returned by a query; ``distance`` is 1 - inner product (lower is nearer)."""

    chunk: Chunk
    distance: float


class ChunkIndex(Protocol):
    """Passages with their vectors: what search reads and ingest writes."""

    def add(self, chunks: Sequence[Chunk], embeddings: Sequence[Sequence[float]]) -> None: ...
    def update_offsets(self, chunks: Sequence[Chunk]) -> None: ...
    def query(self, embedding: Sequence[float], k: int, report_id: str | None = None) -> list[Hit]: ...
    def count(self, report_id: str | None = None) -> int: ...
    def chunk_ids(self, report_id: str) -> set[str]: ...
    def get_vectors(self, ids: Sequence[str]) -> list[list[float]]: ...
    def vectors_by_id(self, ids: Sequence[str]) -> dict[str, list[float]]: ...
    def delete_chunks(self, ids: AbstractCollection[str]) -> None: ...


class ReportStore(Protocol):
    """Parsed reports, their own vectors (for routing) and the store's version stamp: what the
    catalogue reads."""

    def stamp(self) -> str: ...
    def mark_changed(self) -> None: ...
    def reopen(self) -> None: ...
    def nearest_reports(self, embedding: Sequence[float], k: int) -> list[tuple[str, float]]: ...
    def put_report(self, report: Report, chunks: int, embedding: Sequence[float]) -> None: ...
    def put_reports(self, items: Sequence[tuple[Report, int, Sequence[float]]]) -> None: ...
    def report_records(self) -> list[StoredReport]: ...
    def get_report(self, report_id: str) -> Report | None: ...
    def delete_report(self, report_id: str) -> None: ...


class VectorStore(ChunkIndex, ReportStore, Protocol):
    """Both halves in one database (the Chroma store keeps them in two collections)."""

    name: str

    def exists(self) -> bool: ...
    def drop(self) -> None: ...


def _slug(value: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", value.lower()).strip("-")


def index_suffix(settings: Settings) -> str:
    """Suffix naming the index, e.g. ``all-minilm-l6-v2-cl100k-200-40`` (Chroma's name rules)."""
    encoding = _slug(settings.chunking.encoding.split("_")[0])  # cl100k_base(_offline) are one encoding
    c = settings.chunking
    return f"{_slug(settings.embedding.model_name)}-{encoding}-{c.max_tokens}-{c.overlap_tokens}"


def collection_names(settings: Settings) -> tuple[str, str]:
    """Names of the (chunks, reports) collections for these settings."""
    suffix = index_suffix(settings)
    return f"chunks-{suffix}", f"reports-{suffix}"


def _chroma_settings() -> Any:
    from chromadb.config import Settings as ChromaSettings

    return ChromaSettings(anonymized_telemetry=False)


def _where(description: str) -> str:
    return f"the Chroma server at {description}" if description.startswith("http") else description


@contextmanager
def _translate(where: str) -> Iterator[None]:
    """Turn Chroma and transport failures into IndexError_ naming the store."""
    import httpx
    from chromadb.errors import ChromaError, NotFoundError

    try:
        yield
    except NotFoundError as exc:
        raise IndexError_(f"the index at {_where(where)} is missing ({exc}); {INGEST_HINT}") from exc
    except (ChromaError, httpx.TransportError, ConnectionError) as exc:
        raise IndexError_(f"the vector store at {_where(where)} failed: {exc}") from exc


def _to_metadata(chunk: Chunk) -> dict[str, str | int]:
    return {
        "report_id": chunk.report_id,
        "section": chunk.section,
        "start": chunk.start,
        "end": chunk.end,
        "tokens": chunk.tokens,
    }


def _to_chunk(chunk_id: str, text: str | None, meta: Any) -> Chunk:
    return Chunk(
        id=chunk_id,
        report_id=str(meta["report_id"]),
        section=str(meta["section"]),
        start=int(meta["start"]),
        end=int(meta["end"]),
        text=text or "",
        tokens=int(meta.get("tokens", 0)),
    )


class ChromaStore:
    """Chroma-backed ``VectorStore``: embedded ``PersistentClient`` or ``HttpClient`` by settings.

    With ``create=False`` (readers: retrieval, catalogue) a missing index raises ``IndexError_``
    instead of creating empty collections.
    """

    def __init__(self, settings: Settings, *, create: bool = True) -> None:
        self.settings = settings
        self.chunks_name, self.reports_name = collection_names(settings)
        self.name = self.chunks_name
        self.location = settings.chroma_url or str(settings.data_dir / "chroma")
        self._create = create
        self._chunks: Collection | None = None
        self._reports: Collection | None = None
        self._generation = embedded.generation(self.location)
        self._stamps: tuple[tuple[int, int, int], str, bool] | None = None  # file state, stamp, settled
        self._client = self._connect(create)
        if create:
            self._open(create=True)

    @property
    def client(self) -> ClientAPI:
        """The Chroma client, opened again when this process learnt that the store changed under it."""
        if self._generation != embedded.generation(self.location):
            self._generation = embedded.generation(self.location)
            self._chunks = self._reports = None
            self._client = self._connect(self._create)
        return self._client

    def _connect(self, create: bool) -> ClientAPI:
        import chromadb

        url = self.settings.chroma_url
        if url is None:
            path = embedded.path_to_open(Path(self.location), create)
            with _translate(self.location):
                return chromadb.PersistentClient(path=str(path), settings=_chroma_settings())
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ConfigError(f"ASSISTANT_CHROMA_URL {url!r} is not an http(s)://host:port URL")
        port = parts.port or (443 if parts.scheme == "https" else 8000)
        try:
            with _translate(url):
                return chromadb.HttpClient(
                    host=parts.hostname, port=port, ssl=parts.scheme == "https", settings=_chroma_settings()
                )
        except ValueError as exc:  # chromadb raises ValueError when the server cannot be reached
            raise IndexError_(f"cannot reach the Chroma server at {url}: {exc}") from exc

    def _open(self, create: bool) -> None:
        with _translate(self.location):
            if create:
                # Inner product: stored passage vectors blend passage and heading (see passage_vectors).
                config: Any = {"hnsw": {"space": "ip"}}
                self._chunks = self.client.get_or_create_collection(
                    self.chunks_name, embedding_function=None, configuration=config
                )
                self._reports = self.client.get_or_create_collection(
                    self.reports_name, embedding_function=None, configuration=config
                )
            else:
                self._chunks = self.client.get_collection(self.chunks_name, embedding_function=None)
                self._reports = self.client.get_collection(self.reports_name, embedding_function=None)

    @property
    def chunks(self) -> Collection:
        self.client  # noqa: B018 - opens the store again if it changed under this process
        if self._chunks is None:
            self._open(create=False)
        assert self._chunks is not None
        return self._chunks

    @property
    def reports(self) -> Collection:
        self.client  # noqa: B018 - opens the store again if it changed under this process
        if self._reports is None:
            self._open(create=False)
        assert self._reports is not None
        return self._reports

    # -- the version stamp ----------------------------------------------------------------------
    def stamp(self) -> str:
        """A value that changes whenever an ingest changes the store; costs one small read (on the
        embedded store, one ``stat`` while the database file stays as it was).

        IndexError_ if the store was deleted since this process opened it.
        """
        if self.settings.chroma_url is None:
            folder = Path(self.location)
            found = embedded.signature(folder)
            if found == (0, 0, 0):
                raise IndexError_(f"the store at {folder} was deleted while in use; {INGEST_HINT}")
            known = self._stamps
            if known is not None and known[0] == found and known[2]:
                return known[1]
            # A folder replaced wholesale (new inode) or a read-only original that moved on changes the
            # stamp even though the database this process has open still says the old version.
            extra = f"{found[0]}" + (f":{found}" if embedded.snapshot_outdated(folder) else "")
            value = f"{self._read_version()}/{extra}"
            # File times are coarse: trust the reading for this file state only once the file has been
            # quiet for a while, or a write in the same tick as the last could go unseen.
            self._stamps = (found, value, time.time() - found[1] / 1e9 > QUIET_S)
            return value
        return f"{self._read_version()}/"

    def _read_version(self) -> str:
        from chromadb.errors import NotFoundError

        try:
            with _translate(self.location):
                metadata = self.client.get_collection(self.reports_name).metadata or {}
        except IndexError_ as exc:
            if isinstance(exc.__cause__, NotFoundError):
                raise IndexError_(
                    f"the index at {_where(self.location)} was deleted while in use; {INGEST_HINT}"
                ) from exc
            raise
        return str(metadata.get(VERSION_KEY, ""))

    def mark_changed(self) -> None:
        """Write a new version stamp: readers in other processes then reload what they cached."""
        with _translate(self.location):
            self.reports.modify(metadata={VERSION_KEY: uuid.uuid4().hex})

    def reopen(self) -> None:
        """Open the store afresh in this process, so searches see what other processes wrote."""
        if self.settings.chroma_url is None:
            embedded.renew(self.location)
        else:
            embedded.reopen(self.location)

    def exists(self) -> bool:
        """Whether both collections exist (never creates them)."""
        with _translate(self.location):
            names = {c if isinstance(c, str) else c.name for c in self.client.list_collections()}
        return {self.chunks_name, self.reports_name} <= names

    def add(self, chunks: Sequence[Chunk], embeddings: Sequence[Sequence[float]]) -> None:
        """Add (or overwrite) chunks with their embeddings."""
        if not chunks:
            return
        if len(chunks) != len(embeddings):
            raise ValueError(f"{len(chunks)} chunks but {len(embeddings)} embeddings")
        with _translate(self.location):
            self.chunks.upsert(
                ids=[c.id for c in chunks],
                embeddings=np.asarray(embeddings, dtype=np.float32),
                documents=[c.text for c in chunks],
                metadatas=[_to_metadata(c) for c in chunks],
            )

    def update_offsets(self, chunks: Sequence[Chunk]) -> None:
        """Rewrite stored metadata (offsets) of chunks whose text is already stored; no re-embedding."""
        if not chunks:
            return
        with _translate(self.location):
            self.chunks.update(ids=[c.id for c in chunks], metadatas=[_to_metadata(c) for c in chunks])

    def query(self, embedding: Sequence[float], k: int, report_id: str | None = None) -> list[Hit]:
        """The ``k`` nearest chunks to ``embedding``, nearest first, optionally within one report."""
        with _translate(self.location):
            result = self.chunks.query(
                query_embeddings=np.asarray([embedding], dtype=np.float32),
                n_results=k,
                where={"report_id": report_id} if report_id else None,
                include=["documents", "metadatas", "distances"],
            )
        ids = result["ids"][0]
        docs = (result["documents"] or [[]])[0]
        metas = (result["metadatas"] or [[]])[0]
        dists = (result["distances"] or [[]])[0]
        return [
            Hit(chunk=_to_chunk(i, d, m), distance=float(dist))
            for i, d, m, dist in zip(ids, docs, metas, dists, strict=True)
        ]

    def nearest_reports(self, embedding: Sequence[float], k: int) -> list[tuple[str, float]]:
        """The ``k`` reports whose own vectors are nearest to ``embedding``: (id, similarity 0..1)."""
        with _translate(self.location):
            n = int(self.reports.count())
            if n == 0:
                return []
            result = self.reports.query(
                query_embeddings=np.asarray([embedding], dtype=np.float32),
                n_results=min(k, n),
                include=["distances"],
            )
        dists = (result["distances"] or [[]])[0]
        return [(i, min(1.0, max(0.0, 1.0 - float(d)))) for i, d in zip(result["ids"][0], dists, strict=True)]

    def count(self, report_id: str | None = None) -> int:
        """Number of stored chunks, in all or in one report."""
        if report_id is None:
            with _translate(self.location):
                return int(self.chunks.count())
        return len(self.chunk_ids(report_id))

    def chunk_ids(self, report_id: str) -> set[str]:
        """Ids of the chunks stored for ``report_id``."""
        with _translate(self.location):
            return set(self.chunks.get(where={"report_id": report_id}, include=[])["ids"])

    def get_chunks(self, ids: Sequence[str]) -> list[Chunk]:
        """The stored chunks with these ids (missing ids are left out)."""
        if not ids:
            return []
        with _translate(self.location):
            got = self.chunks.get(ids=list(ids), include=["documents", "metadatas"])
        docs = got["documents"] or []
        metas = got["metadatas"] or []
        return [_to_chunk(i, d, m) for i, d, m in zip(got["ids"], docs, metas, strict=True)]

    def get_vectors(self, ids: Sequence[str]) -> list[list[float]]:
        """The stored vectors of these chunks (missing ids are left out)."""
        return list(self.vectors_by_id(ids).values())

    def vectors_by_id(self, ids: Sequence[str]) -> dict[str, list[float]]:
        """The stored vectors of these chunks by id (missing ids are left out; the store's order
        of a ``get`` is not the order asked)."""
        if not ids:
            return {}
        with _translate(self.location):
            got = self.chunks.get(ids=list(ids), include=["embeddings"])
        vectors = got["embeddings"]
        if vectors is None:
            return {}
        return {i: [float(x) for x in v] for i, v in zip(got["ids"], vectors, strict=True)}

    def delete_chunks(self, ids: AbstractCollection[str]) -> None:
        """Delete chunks by id, in batches the server accepts."""
        ids = list(ids)
        with _translate(self.location):
            step = max(1, int(self.client.get_max_batch_size()))
            for i in range(0, len(ids), step):
                self.chunks.delete(ids=ids[i : i + step])

    def put_report(self, report: Report, chunks: int, embedding: Sequence[float]) -> None:
        """Store (or replace) the parsed report with its chunk count and its own vector."""
        self.put_reports([(report, chunks, embedding)])

    def put_reports(self, items: Sequence[tuple[Report, int, Sequence[float]]]) -> None:
        """Store (or replace) several reports in one write: (report, chunk count, vector) each."""
        if not items:
            return
        metas = [record_metadata(report, chunks) for report, chunks, _ in items]
        with _translate(self.location):
            self.reports.upsert(
                ids=[report.id for report, _, _ in items],
                embeddings=np.asarray([vector for _, _, vector in items], dtype=np.float32),
                documents=[report.model_dump_json() for report, _, _ in items],
                metadatas=metas,  # type: ignore[arg-type]
            )

    def report_records(self) -> list[StoredReport]:
        """Every stored report's record (no text), sorted by id."""
        with _translate(self.location):
            got = self.reports.get(include=["metadatas"])
        metas = got["metadatas"] or []
        records = [
            StoredReport.model_validate({**m, "id": i}) for i, m in zip(got["ids"], metas, strict=True)
        ]
        return sorted(records, key=lambda r: r.id)

    def get_report(self, report_id: str) -> Report | None:
        """The stored report, or None if the store has no report with this id."""
        with _translate(self.location):
            got = self.reports.get(ids=[report_id], include=["documents"])
        docs = got["documents"] or []
        if not got["ids"] or not docs or docs[0] is None:
            return None
        return Report.model_validate_json(docs[0])

    def delete_report(self, report_id: str) -> None:
        """Delete a report's record and all its chunks (record first: a reader never sees a stub)."""
        with _translate(self.location):
            self.reports.delete(ids=[report_id])
            self.chunks.delete(where={"report_id": report_id})

    def drop(self) -> None:
        """Delete both collections (the whole index for these settings)."""
        from chromadb.errors import NotFoundError

        for name in (self.chunks_name, self.reports_name):
            try:
                with _translate(self.location):
                    self.client.delete_collection(name)
            except IndexError_ as exc:
                if not isinstance(exc.__cause__, NotFoundError):
                    raise
        self._chunks = self._reports = None


def open_store(settings: Settings, *, create: bool = False) -> ChromaStore:
    """The store for ``settings``; readers pass ``create=False`` to get IndexError_ when none exists."""
    return ChromaStore(settings, create=create)
