package io.atolint.parse.cloudformation;

import io.atolint.parse.Limits;
import io.atolint.parse.tree.Node;
import io.atolint.parse.tree.YamlTreeReader;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class NestedStackOrderTest {
    private static Node.MapNode resources(String yaml) throws Exception {
        Node.MapNode root = (Node.MapNode) new YamlTreeReader(Limits.defaults()).read(yaml).root();
        return (Node.MapNode) root.get("Resources").orElseThrow();
    }

    private static final String STACK = "    Type: AWS::CloudFormation::Stack\n";

    @Test
    void stacksComeFirstEachAfterTheStacksItNames() throws Exception {
        Node.MapNode r = resources("Resources:\n"
                + "  Bucket:\n    Type: AWS::S3::Bucket\n"
                + "  Service:\n" + STACK + "    Properties:\n      Parameters:\n"
                + "        Subnets: !GetAtt Network.Outputs.Subnets\n        Listener: {'Fn::GetAtt': [Balancer, Outputs.Listener]}\n"
                + "  Balancer:\n" + STACK + "    Properties:\n      Parameters:\n        Vpc: !Sub '${Network.Outputs.Vpc}'\n"
                + "  Logs:\n" + STACK
                + "  Network:\n" + STACK);
        assertEquals(List.of("Logs", "Network", "Balancer", "Service", "Bucket"), NestedStackOrder.of(r));
    }

    @Test
    void stacksThatNameEachOtherStayAsWritten() throws Exception {
        Node.MapNode r = resources("Resources:\n"
                + "  A:\n" + STACK + "    Properties: {Parameters: {X: !GetAtt B.Outputs.X}}\n"
                + "  B:\n" + STACK + "    Properties: {Parameters: {Y: !Ref A}}\n"
                + "  C:\n" + STACK);
        assertEquals(List.of("C", "A", "B"), NestedStackOrder.of(r));
    }

    @Test
    void aLongChainIsOrderedInOnePass() throws Exception {
        // 20,000 stacks (the resource limit), each naming the next one written: read last to first
        StringBuilder b = new StringBuilder("Resources:\n");
        int n = 20_000;
        for (int i = 0; i < n; i++) {
            b.append("  S").append(i).append(":\n").append(STACK);
            if (i + 1 < n) {
                b.append("    Properties: {Parameters: {P: !GetAtt S").append(i + 1).append(".Outputs.X}}\n");
            }
        }
        List<String> order = NestedStackOrder.of(resources(b.toString()));
        assertEquals("S" + (n - 1), order.get(0));
        assertEquals("S0", order.get(n - 1));
    }
}
