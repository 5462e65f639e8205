-- A task's SegmentAttributes (connect:ContactExpiry, connect:CreatedByUser) as the API model writes them, so
-- DescribeContact returns them; NULL when it has none.
ALTER TABLE ct_contact ADD COLUMN segment_attributes_json VARCHAR;
