import io.atolint.cli.FileSystemSourceTree;
import io.atolint.graph.ResourceGraph;
import io.atolint.parse.Limits;
import io.atolint.parse.ParseOptions;
import io.atolint.parse.ScanResult;
import io.atolint.parse.formats.Formats;
import io.atolint.topology.Facts;
import io.atolint.topology.ModelTopology;
import io.atolint.topology.Topology;

import java.nio.file.Path;

/** Dev tool for bench.sh: wall time of each phase on one input directory (scan, graph, topology, simulation). */
public class PhaseTimes {
    public static void main(String[] args) {
        long t0 = System.nanoTime();
        ParseOptions options = ParseOptions.defaults().withRegion("us-east-1");
        ScanResult scan = Formats.scanner().scan(new FileSystemSourceTree(Path.of(args[0]), args[0], Limits.defaults()), options);
        long t1 = System.nanoTime();
        ResourceGraph graph = ResourceGraph.of(scan.models());
        long t2 = System.nanoTime();
        Facts facts = new Facts(graph);
        Topology topology = facts.topology();
        long t3 = System.nanoTime();
        int scenarios = 0;
        int paths = 0;
        int spofs = 0;
        boolean truncated = false;
        for (ModelTopology m : topology.models()) {
            scenarios += facts.simulation(m).size();
            paths += m.paths().size();
            spofs += m.spofs().size();
            truncated |= m.pathsTruncated();
        }
        long t4 = System.nanoTime();
        System.out.printf("%-6s %6d resources  read+resolve %6d ms  graph %5d ms  topology %5d ms  simulation %5d ms"
                        + "  (%d paths%s, %d SPOFs, %d AZ scenarios)%n", Path.of(args[0]).getFileName(),
                graph.resources().size(), (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000,
                (t4 - t3) / 1_000_000, paths, truncated ? ", bound reached" : "", spofs, scenarios);
    }
}
