"""ZIP archives for tests and benchmarks, written by streaming; no Django needed."""
import io
import zipfile


def streamed_zip(member: str, chunks, *, extra: int = 0) -> bytes:
    """A ZIP archive whose `member` is written by streaming `chunks` (its size known only once
    written, as a decompression bomb's is), with `extra` empty entries beside it."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        with archive.open(member, "w", force_zip64=True) as stream:
            for chunk in chunks:
                stream.write(chunk)
        for index in range(extra):
            archive.writestr(f"junk/{index}.xml", b"")
    return out.getvalue()
