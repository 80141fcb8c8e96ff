package io.atolint.resolve;

import io.atolint.model.Model;
import io.atolint.model.Placement;
import io.atolint.model.Resource;
import io.atolint.parse.ParseOptions;
import io.atolint.testing.MemoryTree;
import io.atolint.testing.Scans;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlacementResolverTest {
    private static final String T = """
            Parameters:
              Multi: {Type: String}
            Resources:
              A: {Type: AWS::EC2::Subnet, Properties: {AvailabilityZone: !Select [0, !GetAZs '']}}
              B: {Type: AWS::EC2::Subnet, Properties: {AvailabilityZone: !Select [1, !GetAZs '']}}
              C: {Type: AWS::EC2::Subnet, Properties: {AvailabilityZone: us-east-1a}}
              Group: {Type: AWS::RDS::DBSubnetGroup, Properties: {SubnetIds: [!Ref A, !Ref B]}}
              MultiDb: {Type: AWS::RDS::DBInstance, Properties: {MultiAZ: true, DBSubnetGroupName: !Ref Group}}
              SingleDb: {Type: AWS::RDS::DBInstance, Properties: {DBSubnetGroupName: !Ref Group}}
              MaybeDb: {Type: AWS::RDS::DBInstance, Properties: {MultiAZ: !Ref Multi, DBSubnetGroupName: !Ref Group}}
              Asg: {Type: AWS::AutoScaling::AutoScalingGroup, Properties: {MinSize: 2, MaxSize: 4, VPCZoneIdentifier: [!Ref A, !Ref C]}}
              Table: {Type: AWS::DynamoDB::Table}
              Vm: {Type: AWS::EC2::Instance, Properties: {SubnetId: subnet-0123456789}}
            """;

    private static Resource r(Model m, String n) {
        return Scans.resource(m, n);
    }

    @Test
    void databasesFollowTheirSubnetGroupAndMultiAz() {
        Model m = Scans.only(Scans.scan(MemoryTree.of("t.yaml", T), ParseOptions.defaults()));
        Placement multi = r(m, "MultiDb").placement();
        assertEquals(Placement.Scope.ZONAL, multi.scope());
        assertTrue(multi.azCount().provablyMulti(), "GetAZs[0] and [1] are distinct: " + multi.display());

        Placement single = r(m, "SingleDb").placement();
        assertEquals(Placement.Scope.ONE_OF, single.scope());
        assertTrue(single.azCount().provablySingle());

        Placement maybe = r(m, "MaybeDb").placement();
        assertEquals(Placement.Scope.UNKNOWN, maybe.scope());
        assertTrue(maybe.reason().contains("parameter Multi has no default"), maybe.reason());

        Model given = Scans.only(Scans.scan(MemoryTree.of("t.yaml", T), ParseOptions.defaults().withParameters(Map.of("Multi", "true"))));
        assertTrue(r(given, "MaybeDb").placement().azCount().provablyMulti());
    }

    @Test
    void aLiteralAndAnIndexAreComparableOnlyWithARegion() {
        Model noRegion = Scans.only(Scans.scan(MemoryTree.of("t.yaml", T), ParseOptions.defaults()));
        Placement.AzCount c = r(noRegion, "Asg").placement().azCount();
        assertEquals(1, c.min());
        assertEquals(2, c.max());

        Model east = Scans.only(Scans.scan(MemoryTree.of("t.yaml", T), ParseOptions.defaults().withRegion("us-east-1")));
        assertTrue(r(east, "Asg").placement().azCount().provablySingle(), "GetAZs[0] of us-east-1 is us-east-1a");
        Model west = Scans.only(Scans.scan(MemoryTree.of("t.yaml", T), ParseOptions.defaults().withRegion("us-west-2")));
        assertTrue(r(west, "Asg").placement().azCount().provablyMulti());
    }

    @Test
    void managedServicesAreRegionalAndUndefinedSubnetsUnknown() {
        Model m = Scans.only(Scans.scan(MemoryTree.of("t.yaml", T), ParseOptions.defaults()));
        assertEquals(Placement.Scope.REGIONAL, r(m, "Table").placement().scope());
        Placement vm = r(m, "Vm").placement();
        assertEquals(Placement.Scope.ZONAL, vm.scope());
        assertEquals("UNKNOWN", vm.azs().get(0).value());
        assertTrue(vm.azs().get(0).how().contains("subnet-0123456789"));
    }
}
