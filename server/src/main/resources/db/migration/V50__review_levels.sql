-- Two-level review (issue 15): a reviewer (审核员) is a staff account scoped to one or more
-- townships (乡镇 or 学区, the roster's township column). It sees and first-approves (初审) only
-- those schools; the county's staff approve after it (终审). An account without a row here is
-- county staff and sees every school. A township with an active reviewer is reviewed at two
-- levels; every other township keeps the single level.
CREATE TABLE reviewer_townships (
    user_id BIGINT NOT NULL REFERENCES users (id),
    township VARCHAR(200) NOT NULL,
    PRIMARY KEY (user_id, township)
);
