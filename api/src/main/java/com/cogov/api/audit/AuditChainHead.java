package com.cogov.api.audit;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** The end of the hash chain: the one row every append locks. */
@MappedEntity("audit_chain_head")
record AuditChainHead(@Id int id, long lastId, String lastHash) {}
