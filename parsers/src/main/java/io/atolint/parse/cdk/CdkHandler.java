package io.atolint.parse.cdk;

import io.atolint.model.Finding;
import io.atolint.model.Format;
import io.atolint.model.Model;
import io.atolint.model.SourceLocation;
import io.atolint.parse.FormatHandler;
import io.atolint.parse.ParseFindings;
import io.atolint.parse.ReadResult;
import io.atolint.parse.ScanSession;
import io.atolint.parse.SourceFile;
import io.atolint.parse.SourceTree;
import io.atolint.parse.cloudformation.CloudFormationParser;
import io.atolint.parse.cloudformation.StackInfo;
import io.atolint.parse.cloudformation.StackLinks;
import io.atolint.parse.tree.Node;
import io.atolint.parse.tree.TreeDocument;
import io.atolint.parse.tree.Trees;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * CDK synth output: a directory with a cloud-assembly {@code manifest.json}. Every
 * {@code aws:cloudformation:stack} artifact becomes one model with its nested stacks (templates found
 * through the {@code aws:asset:path} metadata CDK writes). The directory's files are claimed so that
 * its templates are not read a second time as plain CloudFormation. Paths in the manifest that leave
 * the directory are refused.
 */
public final class CdkHandler implements FormatHandler {

    @Override
    public String name() {
        return "cdk";
    }

    @Override
    public void scan(ScanSession session) {
        for (String path : session.unclaimed()) {
            if (!path.equals("manifest.json") && !path.endsWith("/manifest.json")) {
                continue;
            }
            if (session.isClaimed(path)) {
                continue;
            }
            ReadResult read = session.tree().readText(path);
            if (!(read instanceof ReadResult.Text text)) {
                continue;
            }
            List<Finding> problems = new ArrayList<>();
            TreeDocument doc = Trees.read(text.file(), session.options().limits(), problems);
            if (doc == null || !(doc.root() instanceof Node.MapNode manifest) || manifest.get("artifacts").isEmpty()) {
                boolean meant = text.file().text().contains("aws:cloudformation:stack");
                if (doc == null && meant) {
                    session.claim(path);
                    problems.forEach(session::report);
                }
                continue;
            }
            scanAssembly(session, text.file(), manifest, problems);
        }
    }

    private void scanAssembly(ScanSession session, SourceFile manifestFile, Node.MapNode manifest, List<Finding> problems) {
        String dir = manifestFile.directory();
        session.claim(manifestFile.path());
        problems.forEach(session::report);
        // Everything else in the assembly directory belongs to it (templates, tree.json, assets).
        String prefix = dir.isEmpty() ? "" : dir + "/";
        for (String f : session.tree().files()) {
            if (f.startsWith(prefix) && f.substring(prefix.length()).indexOf('/') < 0) {
                session.claim(f);
            }
        }
        if (!(manifest.get("artifacts").get() instanceof Node.MapNode artifacts)) {
            session.report(ParseFindings.invalid(manifest.get("artifacts").get().location(manifestFile.path(), "artifacts"),
                    "artifacts must be a mapping"));
            return;
        }
        List<Stack> stacks = new ArrayList<>();
        for (Node.Entry e : artifacts.entries()) {
            if (!(e.value() instanceof Node.MapNode art)) {
                continue;
            }
            String type = scalar(art.get("type")).orElse("");
            if (!type.equals("aws:cloudformation:stack")) {
                continue;
            }
            String stackName = e.key().text();
            SourceLocation at = e.key().location(manifestFile.path(), "artifacts/" + stackName);
            Optional<String> templateFile = art.get("properties").filter(Node.MapNode.class::isInstance)
                    .flatMap(p -> scalar(((Node.MapNode) p).get("templateFile")));
            if (templateFile.isEmpty()) {
                session.report(ParseFindings.invalid(at, "stack artifact " + stackName + " has no properties.templateFile"));
                continue;
            }
            String resolved = inside(dir, templateFile.get());
            if (resolved == null) {
                session.report(ParseFindings.invalid(at, "stack artifact " + stackName + ": templateFile '"
                        + templateFile.get() + "' leaves the cloud assembly directory; not read"));
                continue;
            }
            if (!session.tree().files().contains(resolved)) {
                // not a path of a file in the assembly (a number, a URL, a directory, a missing file): said at the
                // manifest's own line, never at a "file" that does not exist
                session.report(ParseFindings.invalid(at, "stack artifact " + stackName + ": templateFile '"
                        + templateFile.get() + "' is not a file of the cloud assembly; not read"));
                continue;
            }
            ReadResult r = session.tree().readText(resolved);
            if (r instanceof ReadResult.Failure fail) {
                session.report(ParseFindings.invalid(fail.location(), fail.message()));
                continue;
            }
            if (!(r instanceof ReadResult.Text t)) {
                continue;
            }
            String deployedName = art.get("properties").filter(Node.MapNode.class::isInstance)
                    .flatMap(p -> scalar(((Node.MapNode) p).get("stackName"))).orElse(stackName);
            Stack s = readStack(session, t.file(), stackName, deployedName);
            if (s != null) {
                stacks.add(s);
            }
        }
        Map<String, String> lookedUp = lookedUpSubnets(session, dir);
        // Stacks that share values through exports (CDK's cross-stack references) are read together.
        List<StackLinks.Template> all = stacks.stream().map(Stack::template).toList();
        StackLinks links = StackLinks.of(all, session.options(), p -> p);
        for (List<StackLinks.Template> group : links.groups(all)) {
            List<String> names = new ArrayList<>();
            for (StackLinks.Template t : group) {
                names.add(stacks.stream().filter(s -> s.template() == t).findFirst().orElseThrow().name());
            }
            CloudFormationParser parser = new CloudFormationParser(session.options(), Format.CDK,
                    (parent, logicalId, node) -> nestedAsset(session, dir, node)).withStacks(links::info);
            String unit = (dir.isEmpty() ? "" : dir + "/") + String.join(" + ", names);
            Model model = new Model(unit, Format.CDK, group.stream().map(t -> t.file().path()).toList());
            for (int i = 0; i < group.size(); i++) {
                StackLinks.Template t = group.get(i);
                parser.parseInto(model, t.file(), t.doc(), java.util.Map.of(), t.file().path() + "#", "", 0);
                Stack s = stacks.stream().filter(x -> x.template() == t).findFirst().orElseThrow();
                s.problems().forEach(model::report);
                links.notes(t.file().path()).forEach(model::report);
            }
            model.meta().put("stack", String.join(" + ", names));
            lookedUp.forEach((id, az) -> model.meta().put(Model.LOOKED_UP_SUBNET + id, az));
            session.addModel(model);
        }
    }

    /**
     * The subnets of VPCs the app looked up at synth ({@code Vpc.fromLookup}): the template names them by id, and
     * {@code cdk.context.json} beside {@code cdk.json} (the assembly's parent directory) keeps each one's AZ under a
     * {@code vpc-provider:...} key ({@code subnetGroups[].subnets[]: {subnetId, availabilityZone}}). Empty when the
     * file is not in the scanned tree or says nothing of subnets.
     */
    private static Map<String, String> lookedUpSubnets(ScanSession session, String dir) {
        String path = SourceTree.resolve(dir, "../cdk.context.json");
        if (path == null || !session.tree().files().contains(path)) {
            return Map.of();
        }
        ReadResult r = session.tree().readText(path);
        if (!(r instanceof ReadResult.Text t)) {
            return Map.of();
        }
        List<Finding> problems = new ArrayList<>();
        TreeDocument doc = Trees.read(t.file(), session.options().limits(), problems);
        if (doc == null || !(doc.root() instanceof Node.MapNode context)) {
            return Map.of();
        }
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (Node.Entry e : context.entries()) {
            if (!e.key().text().startsWith("vpc-provider:") || !(e.value() instanceof Node.MapNode vpc)
                    || !(vpc.get("subnetGroups").orElse(null) instanceof Node.SeqNode groups)) {
                continue;
            }
            for (Node g : groups.items()) {
                if (g instanceof Node.MapNode group && group.get("subnets").orElse(null) instanceof Node.SeqNode subnets) {
                    for (Node sn : subnets.items()) {
                        if (sn instanceof Node.MapNode subnet) {
                            Optional<String> id = scalar(subnet.get("subnetId"));
                            Optional<String> az = scalar(subnet.get("availabilityZone"));
                            if (id.isPresent() && az.isPresent()) {
                                out.put(id.get(), az.get());
                            }
                        }
                    }
                }
            }
        }
        return out;
    }

    /** A stack artifact of the assembly, read. */
    private record Stack(String name, StackLinks.Template template, List<Finding> problems) {
    }

    private Stack readStack(ScanSession session, SourceFile template, String stackName, String deployedName) {
        List<Finding> problems = new ArrayList<>();
        TreeDocument doc = Trees.read(template, session.options().limits(), problems);
        if (doc == null) {
            problems.forEach(session::report);
            return null;
        }
        String why = doc.root() == null ? "empty document" : CloudFormationParser.whyNotATemplate(doc.root());
        if (why != null) {
            session.report(ParseFindings.invalid(SourceLocation.at(template.path(), 1, 1),
                    "template of CDK stack " + stackName + " is not a CloudFormation template: " + why));
            return null;
        }
        List<String> keys = new ArrayList<>(List.of(stackName));
        keys.addAll(StackInfo.of(template.path()).keys());
        return new Stack(stackName, new StackLinks.Template(template, doc,
                StackInfo.of(template.path()).withKeys(keys).withName(deployedName, "AWS::StackName " + deployedName
                        + " (the CDK stack artifact)")), problems);
    }

    /** The nested template CDK wrote next to the manifest ({@code Metadata: aws:asset:path}). */
    private static Optional<SourceFile> nestedAsset(ScanSession session, String dir, Node.MapNode node) {
        Optional<String> asset = node.get("Metadata").filter(Node.MapNode.class::isInstance)
                .flatMap(m -> scalar(((Node.MapNode) m).get("aws:asset:path")));
        if (asset.isEmpty()) {
            return Optional.empty();
        }
        String resolved = inside(dir, asset.get());
        if (resolved == null) {
            return Optional.empty();
        }
        ReadResult r = session.tree().readText(resolved);
        return r instanceof ReadResult.Text t ? Optional.of(t.file()) : Optional.empty();
    }

    /** {@code relative} resolved in {@code dir}, or null when it would leave {@code dir}. */
    private static String inside(String dir, String relative) {
        String resolved = SourceTree.resolve(dir, relative);
        if (resolved == null) {
            return null;
        }
        if (!dir.isEmpty() && !resolved.startsWith(dir + "/")) {
            return null;
        }
        return resolved;
    }

    private static Optional<String> scalar(Optional<Node> n) {
        return n.filter(Node.ScalarNode.class::isInstance).map(x -> ((Node.ScalarNode) x).text());
    }

}
