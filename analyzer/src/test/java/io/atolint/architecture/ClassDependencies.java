package io.atolint.architecture;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The classes a compiled class refers to, read from its constant pool (JVM spec 4.4): every
 * {@code CONSTANT_Class} entry, and every class named in a descriptor or signature ({@code Lio/x/Y;} in
 * a {@code CONSTANT_Utf8}: field and method types, generic signatures, annotation types). That is more
 * than the source's imports (a type only passed through, like the return type of a method called, counts
 * too), which is what a layering rule wants: a class cannot use what it does not refer to.
 */
final class ClassDependencies {
    private static final Pattern DESCRIPTOR_CLASS = Pattern.compile("L([\\w/$]+)[;<]");

    private ClassDependencies() {
    }

    /** One edge: class {@code from} refers to class {@code to} (binary names with dots, nested classes kept). */
    record Edge(String from, String to) {
        String fromPackage() {
            return packageOf(from);
        }

        String toPackage() {
            return packageOf(to);
        }

        @Override
        public String toString() {
            return from + " -> " + to;
        }
    }

    static String packageOf(String className) {
        int dot = className.lastIndexOf('.');
        return dot < 0 ? "" : className.substring(0, dot);
    }

    /** The edges between classes whose names start with {@code prefix}, of every class under the given roots. */
    static List<Edge> read(List<Path> roots, String prefix) throws IOException {
        List<Edge> out = new ArrayList<>();
        for (Path root : roots) {
            if (Files.isDirectory(root)) {
                try (Stream<Path> files = Files.walk(root)) {
                    for (Path f : files.filter(p -> p.toString().endsWith(".class")).sorted().toList()) {
                        try (InputStream in = Files.newInputStream(f)) {
                            addEdges(in, prefix, out);
                        }
                    }
                }
            } else {
                try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(root))) {
                    for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                        if (e.getName().endsWith(".class") && !e.getName().startsWith("META-INF/")) {
                            addEdges(zip, prefix, out);
                        }
                    }
                }
            }
        }
        return out;
    }

    /** Where a class was loaded from: a classes directory or a jar. */
    static Path rootOf(Class<?> c) {
        try {
            return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void addEdges(InputStream raw, String prefix, List<Edge> out) throws IOException {
        DataInputStream in = new DataInputStream(raw);
        if (in.readInt() != 0xCAFEBABE) {
            throw new IOException("not a class file");
        }
        in.readUnsignedShort(); // minor
        in.readUnsignedShort(); // major
        int count = in.readUnsignedShort();
        String[] utf8 = new String[count];
        Set<Integer> classNames = new HashSet<>();
        int[] classEntry = new int[count]; // Class entry index -> index of its name
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> utf8[i] = in.readUTF();
                case 7 -> {
                    classEntry[i] = in.readUnsignedShort();
                    classNames.add(classEntry[i]);
                }
                case 8, 16, 19, 20 -> in.readUnsignedShort(); // String, MethodType, Module, Package
                case 15 -> { // MethodHandle
                    in.readUnsignedByte();
                    in.readUnsignedShort();
                }
                case 3, 4, 9, 10, 11, 12, 17, 18 -> in.readInt(); // Integer, Float, refs, NameAndType, (Invoke)Dynamic
                case 5, 6 -> { // Long, Double take two slots
                    in.readLong();
                    i++;
                }
                default -> throw new IOException("unknown constant pool tag " + tag);
            }
        }
        in.readUnsignedShort(); // access flags
        String self = utf8[classEntry[in.readUnsignedShort()]].replace('/', '.');
        Set<String> targets = new TreeSet<>();
        for (int i = 1; i < count; i++) {
            if (utf8[i] == null) {
                continue;
            }
            if (classNames.contains(i)) {
                String name = utf8[i];
                if (name.startsWith("[")) {
                    addDescriptorClasses(name, targets);
                } else {
                    targets.add(name);
                }
            } else {
                addDescriptorClasses(utf8[i], targets);
            }
        }
        String dotted = prefix.replace('.', '/');
        if (!self.startsWith(prefix)) {
            return;
        }
        for (String t : targets) {
            String to = t.replace('/', '.');
            if (t.startsWith(dotted) && !to.equals(self)) {
                out.add(new Edge(self, to));
            }
        }
    }

    private static void addDescriptorClasses(String text, Set<String> out) {
        Matcher m = DESCRIPTOR_CLASS.matcher(text);
        while (m.find()) {
            out.add(m.group(1));
        }
    }
}
