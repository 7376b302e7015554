package org.huizong.server.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Files and folders only the server's own account may read: the data folder and everything the
 * server creates in it (database, uploaded returns, the demo's links, which are every school's
 * secret). Owner-only modes 0700 and 0600 on POSIX file systems; elsewhere (Windows) the folder's
 * inherited access applies.
 */
public final class PrivateFiles {
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews()
            .contains("posix");
    private static final Set<PosixFilePermission> DIR = PosixFilePermissions.fromString(
            "rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString(
            "rw-------");

    private PrivateFiles() {
    }

    /** Creates {@code dir} (and missing parents) if needed and makes it owner-only. */
    public static void directory(Path dir) {
        try {
            Files.createDirectories(dir);
            if (POSIX) {
                Files.setPosixFilePermissions(dir, DIR);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("无法创建数据目录 " + dir, e);
        }
    }

    /** Makes an existing file owner-only; creates it empty first when it is missing. */
    public static void file(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createFile(file, attributes());
            } else if (POSIX) {
                Files.setPosixFilePermissions(file, FILE);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("无法设置文件权限 " + file, e);
        }
    }

    /** The attribute that creates a file owner-only (none where POSIX modes do not exist). */
    static FileAttribute<?>[] attributes() {
        return POSIX ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE)}
                : new FileAttribute<?>[0];
    }
}
