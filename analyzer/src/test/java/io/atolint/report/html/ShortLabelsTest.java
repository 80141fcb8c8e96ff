package io.atolint.report.html;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Long names keep the end that tells them apart; names whose ends match keep the start that differs. */
class ShortLabelsTest {

    @Test
    void fiveVpcEndpointsOfOneModuleStayApart() {
        List<String> names = List.of("module.network.aws_vpc_endpoint.this[\"ecr_api\"]", "module.network.aws_vpc_endpoint.this[\"ecr_dkr\"]",
                "module.network.aws_vpc_endpoint.this[\"s3\"]", "module.network.aws_vpc_endpoint.this[\"logs\"]",
                "module.network.aws_vpc_endpoint.this[\"sts\"]");
        Map<String, String> s = ShortLabels.distinct(names, 28);
        assertEquals("\u2026pc_endpoint.this[\"ecr_api\"]", s.get(names.get(0)));
        assertEquals(5, new java.util.HashSet<>(s.values()).size(), "five different labels: " + s);
        s.values().forEach(v -> assertTrue(v.length() <= 28, v));
    }

    @Test
    void namesThatEndAlikeKeepTheStartThatDiffers() {
        List<String> names = List.of("module.web_tier.aws_autoscaling_group.this", "module.api_tier.aws_autoscaling_group.this");
        Map<String, String> s = ShortLabels.distinct(names, 28);
        assertEquals("module.w\u2026oscaling_group.this", s.get(names.get(0)));
        assertEquals("module.a\u2026oscaling_group.this", s.get(names.get(1)));
        assertEquals("WebAlb", ShortLabels.distinct(List.of("WebAlb"), 28).get("WebAlb"));
    }

    @Test
    void aBoxLabelKeepsItsFirstWord() {
        assertEquals("VPC \u2026network.aws_vpc.this[0]", ShortLabels.label("VPC module.network.aws_vpc.this[0]", 28));
        assertEquals("AZ us-east-1a", ShortLabels.label("AZ us-east-1a", 28));
    }
}
