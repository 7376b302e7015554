package org.huizong.server.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Content-addressed file storage: {@code <data>/files/<sha256>}. A file is written to a temporary
 * name, forced to disk and renamed atomically, so a reader (or a crash) sees either no file or
 * the complete one. Callers store the file before committing the row that names it; a file whose
 * row never committed is an orphan and harmless.
 */
public final class FileStore {
    private static final Pattern SHA = Pattern.compile("[0-9a-f]{64}");
    private final Path dir;
    private final SecureRandom random = new SecureRandom();

    public FileStore(Path dataDir) {
        this.dir = dataDir.resolve("files");
        PrivateFiles.directory(dir);
    }

    /** Stores the bytes (once per content) and returns their SHA-256 in lower-case hex. */
    public String put(byte[] bytes) {
        String sha = Crypto.sha256Hex(bytes);
        Path target = dir.resolve(sha);
        if (Files.exists(target)) {
            return sha;
        }
        byte[] suffix = new byte[8];
        random.nextBytes(suffix);
        Path tmp = dir.resolve(".tmp-" + sha + "-" + HexFormat.of().formatHex(suffix));
        try {
            try (FileChannel ch = FileChannel.open(tmp, Set.of(StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE), PrivateFiles.attributes())) {
                ByteBuffer buf = ByteBuffer.wrap(bytes);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            syncDirectory();
        } catch (IOException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw new UncheckedIOException("无法保存上传文件 " + sha, e);
        }
        return sha;
    }

    public byte[] get(String sha) {
        if (!SHA.matcher(sha).matches()) {
            throw new IllegalArgumentException("not a sha256: " + sha);
        }
        try {
            return Files.readAllBytes(dir.resolve(sha));
        } catch (IOException e) {
            throw new UncheckedIOException("无法读取已保存文件 " + sha, e);
        }
    }

    /** Makes the rename durable; some file systems refuse to open a directory, which is fine. */
    private void syncDirectory() {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // Not supported on this platform (Windows): the rename is still atomic.
        }
    }
}
