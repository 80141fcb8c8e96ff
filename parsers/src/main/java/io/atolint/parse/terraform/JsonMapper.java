package io.atolint.parse.terraform;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The Terraform reader's one Jackson mapper (modules.json, jsonencode/jsondecode), made when first used:
 * building an ObjectMapper costs a scan's start-up some 50 ms, and most configurations need none.
 */
final class JsonMapper {
    static final ObjectMapper JSON = new ObjectMapper();

    private JsonMapper() {
    }
}
