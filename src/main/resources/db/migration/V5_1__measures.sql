-- Measure lists (art. 40, 45-46): the national base list ships as data with its provenance; regional
-- supplementary measures must name the base measure they fall under.
create table base_measure (
    id          text primary key,
    kind        text not null check (kind in ('PUNISHMENT', 'INCENTIVE')),
    grp         text not null,
    text        text not null,
    basis       text not null,
    provenance  text not null check (provenance in ('VERIFIED', 'UNVERIFIED')),
    source      text
);
insert into base_measure (id, kind, grp, text, basis, provenance, source) values
 ('P-1-01', 'PUNISHMENT', 'RIGHTS_UNDER_LAW', '限制参与政府采购活动', '《中华人民共和国政府采购法》第二十二条', 'UNVERIFIED', null),
 ('P-1-02', 'PUNISHMENT', 'RIGHTS_UNDER_LAW', '限制参与依法必须招标项目的投标', '《中华人民共和国招标投标法实施条例》', 'UNVERIFIED', null),
 ('P-2-01', 'PUNISHMENT', 'MANAGEMENT', '列为重点监管对象，提高抽查比例和频次', '《全国失信惩戒措施基础清单（2024年版）》', 'UNVERIFIED', null),
 ('P-2-02', 'PUNISHMENT', 'MANAGEMENT', '限制申请财政性资金项目', '《全国失信惩戒措施基础清单（2024年版）》', 'UNVERIFIED', null),
 ('P-3-01', 'PUNISHMENT', 'MARKET_AND_INDUSTRY', '行业协会商会依章程实施行业惩戒', '《全国失信惩戒措施基础清单（2024年版）》', 'UNVERIFIED', null),
 ('I-40-01', 'INCENTIVE', 'INCENTIVE', '行政许可中适用绿色通道、容缺受理', '《宁夏回族自治区社会信用条例》第四十条', 'UNVERIFIED', null),
 ('I-40-02', 'INCENTIVE', 'INCENTIVE', '日常检查、专项检查中优化检查频次', '《宁夏回族自治区社会信用条例》第四十条', 'UNVERIFIED', null);

create table supplementary_measure (
    id                bigserial primary key,
    region            text not null,
    base_measure_id   text not null references base_measure (id),
    target            text not null,
    measure           text not null,
    basis             text not null,
    implementing_unit text not null,
    status            text not null check (status in ('DRAFT', 'CONSULTATION', 'APPROVED', 'PUBLISHED')),
    recorded_by       text not null,
    recorded_at       timestamp with time zone not null
);
