-- Measure lists (art. 40, 45-46) with structure: which list entries and which matters each measure applies to.
-- The national base list is kept in editions (the shipped one and every imported official edition); the
-- supplementary lists (regional, per city) have a lifecycle recorded as events. Everything is append-only.

create table measure_edition (
    id          bigserial primary key,
    label       text not null,
    source      text,
    format      text not null check (format in ('SHIPPED', 'JSON', 'CSV')),
    entries     integer not null,
    imported_by text not null,
    imported_at timestamp with time zone not null
);

-- applies_to: SERIOUS_<art. 43 category>, DISHONESTY_RECORD, REWARD; matters: PROCUREMENT, BIDDING, LICENSING,
-- FUNDING, HONOURS, PUBLIC_EMPLOYMENT, OTHER.
create table measure_edition_entry (
    edition_id        bigint not null references measure_edition (id),
    measure_id        text not null,
    position          integer not null,
    kind              text not null check (kind in ('PUNISHMENT', 'INCENTIVE')),
    grp               text not null,
    text              text not null,
    basis             text not null,
    implementing_unit text not null,
    provenance        text not null check (provenance in ('VERIFIED', 'UNVERIFIED')),
    source            text,
    applies_to        text[] not null,
    matters           text[] not null,
    primary key (edition_id, measure_id),
    check (provenance = 'UNVERIFIED' or source is not null)
);

create table supplementary_list (
    id          bigserial primary key,
    level       text not null check (level in ('REGION', 'CITY')),
    region_code text not null,
    region_name text not null,
    title       text not null,
    supersedes  bigint references supplementary_list (id),
    created_by  text not null,
    created_at  timestamp with time zone not null
);

-- The lifecycle: DRAFT -> CONSULTATION -> APPROVED -> PUBLISHED; FILED (备案, city lists) after publication.
create table supplementary_list_event (
    id         bigserial primary key,
    list_id    bigint not null references supplementary_list (id),
    status     text not null check (status in ('DRAFT', 'CONSULTATION', 'APPROVED', 'PUBLISHED', 'FILED')),
    note       text,
    actor      text not null,
    at         timestamp with time zone not null,
    unique (list_id, status)
);
create index supplementary_list_event_list_idx on supplementary_list_event (list_id, id);

create table supplementary_list_comment (
    id         bigserial primary key,
    list_id    bigint not null references supplementary_list (id),
    commenter  text not null,
    text       text not null,
    recorded_by text not null,
    at         timestamp with time zone not null
);

create table supplementary_list_measure (
    id                bigserial primary key,
    list_id           bigint not null references supplementary_list (id),
    base_measure_id   text not null,
    target            text not null,
    measure           text not null,
    basis             text not null,
    implementing_unit text not null,
    applies_to        text[] not null,
    matters           text[] not null,
    recorded_by       text not null,
    recorded_at       timestamp with time zone not null
);
create index supplementary_list_measure_list_idx on supplementary_list_measure (list_id);

create function measure_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'measure lists are append-only (%)', tg_table_name;
end $$;
create trigger measure_edition_no_update before update or delete on measure_edition
    for each row execute function measure_append_only();
create trigger measure_edition_no_truncate before truncate on measure_edition
    for each statement execute function measure_append_only();
create trigger measure_edition_entry_no_update before update or delete on measure_edition_entry
    for each row execute function measure_append_only();
create trigger measure_edition_entry_no_truncate before truncate on measure_edition_entry
    for each statement execute function measure_append_only();
create trigger supplementary_list_no_update before update or delete on supplementary_list
    for each row execute function measure_append_only();
create trigger supplementary_list_no_truncate before truncate on supplementary_list
    for each statement execute function measure_append_only();
create trigger supplementary_list_event_no_update before update or delete on supplementary_list_event
    for each row execute function measure_append_only();
create trigger supplementary_list_event_no_truncate before truncate on supplementary_list_event
    for each statement execute function measure_append_only();
create trigger supplementary_list_comment_no_update before update or delete on supplementary_list_comment
    for each row execute function measure_append_only();
create trigger supplementary_list_comment_no_truncate before truncate on supplementary_list_comment
    for each statement execute function measure_append_only();
create trigger supplementary_list_measure_no_update before update or delete on supplementary_list_measure
    for each row execute function measure_append_only();
create trigger supplementary_list_measure_no_truncate before truncate on supplementary_list_measure
    for each statement execute function measure_append_only();

-- The shipped edition. The official text of the 2024 national base list was not available: the punishment
-- measures are paraphrases of its three groups (national-rules.md §3) and are UNVERIFIED. The incentive
-- measures are art. 40 of the regulation itself, quoted, and VERIFIED against regulation-zh.txt.
insert into measure_edition (label, source, format, entries, imported_by, imported_at)
values ('全国失信惩戒措施基础清单（2024年版）及条例第四十条激励措施（随系统提供，未经核实的整理稿）', null, 'SHIPPED', 26,
        'system', timestamp with time zone '2026-01-01 00:00:00+08');

insert into measure_edition_entry (edition_id, measure_id, position, kind, grp, text, basis, implementing_unit, provenance, source, applies_to, matters)
select 1, m.id, m.pos, m.kind, m.grp, m.text, m.basis, m.unit, m.provenance, m.source, m.applies_to, m.matters
from (values
 ('P-1-01', 1, 'PUNISHMENT', 'RIGHTS_UNDER_LAW', '限制参与政府采购活动', '《中华人民共和国政府采购法》第二十二条', '政府采购监督管理部门、采购人', 'UNVERIFIED', null::text,
  array['SERIOUS_HEALTH_AND_SAFETY','SERIOUS_MARKET_AND_SOCIAL_ORDER','SERIOUS_REFUSING_OBLIGATIONS','SERIOUS_NATIONAL_DEFENCE','SERIOUS_OTHER_STATUTORY'], array['PROCUREMENT']),
 ('P-1-02', 2, 'PUNISHMENT', 'RIGHTS_UNDER_LAW', '限制参与依法必须招标项目的投标', '《中华人民共和国招标投标法实施条例》', '招标投标行政监督部门、招标人', 'UNVERIFIED', null,
  array['SERIOUS_HEALTH_AND_SAFETY','SERIOUS_MARKET_AND_SOCIAL_ORDER','SERIOUS_REFUSING_OBLIGATIONS','SERIOUS_NATIONAL_DEFENCE','SERIOUS_OTHER_STATUTORY'], array['BIDDING']),
 ('P-1-03', 3, 'PUNISHMENT', 'RIGHTS_UNDER_LAW', '依法依规实施市场或者行业禁入（准入）', '相关法律、行政法规关于市场和行业禁入的规定', '行业主管部门、行政许可机关', 'UNVERIFIED', null,
  array['SERIOUS_HEALTH_AND_SAFETY','SERIOUS_MARKET_AND_SOCIAL_ORDER'], array['LICENSING']),
 ('P-1-04', 4, 'PUNISHMENT', 'RIGHTS_UNDER_LAW', '依法限制担任相关企业法定代表人、董事、监事、高级管理人员', '《中华人民共和国公司法》等', '市场监督管理部门', 'UNVERIFIED', null,
  array['SERIOUS_MARKET_AND_SOCIAL_ORDER','SERIOUS_REFUSING_OBLIGATIONS'], array['LICENSING','OTHER']),
 ('P-1-05', 5, 'PUNISHMENT', 'RIGHTS_UNDER_LAW', '限制高消费及非生活和工作必需的消费行为', '最高人民法院关于限制被执行人高消费的规定', '人民法院', 'UNVERIFIED', null,
  array['SERIOUS_REFUSING_OBLIGATIONS'], array['OTHER']),
 ('P-1-06', 6, 'PUNISHMENT', 'RIGHTS_UNDER_LAW', '依法限制出境', '《中华人民共和国出境入境管理法》第十二条、第二十八条', '人民法院、出入境管理机关', 'UNVERIFIED', null,
  array['SERIOUS_REFUSING_OBLIGATIONS'], array['OTHER']),
 ('P-1-07', 7, 'PUNISHMENT', 'RIGHTS_UNDER_LAW', '限制乘坐飞机、列车软卧、G字头动车组列车全部座位、其他动车组列车一等以上座位', '最高人民法院关于限制被执行人高消费的规定', '人民法院', 'UNVERIFIED', null,
  array['SERIOUS_REFUSING_OBLIGATIONS'], array['OTHER']),
 ('P-1-08', 8, 'PUNISHMENT', 'RIGHTS_UNDER_LAW', '依法限制申请政府补贴、财政性资金和社会保障资金支持', '相关法律、行政法规', '财政部门及资金管理部门', 'UNVERIFIED', null,
  array['SERIOUS_HEALTH_AND_SAFETY','SERIOUS_MARKET_AND_SOCIAL_ORDER','SERIOUS_REFUSING_OBLIGATIONS','SERIOUS_NATIONAL_DEFENCE','SERIOUS_OTHER_STATUTORY'], array['FUNDING']),
 ('P-1-09', 9, 'PUNISHMENT', 'RIGHTS_UNDER_LAW', '拒绝、逃避兵役的，不得录用为公务员、参照公务员法管理的工作人员，不得招录、聘用为国有企业和事业单位工作人员', '《中华人民共和国兵役法》第五十七条', '公务员主管部门、国有企业和事业单位', 'UNVERIFIED', null,
  array['SERIOUS_NATIONAL_DEFENCE'], array['PUBLIC_EMPLOYMENT']),
 ('P-1-10', 10, 'PUNISHMENT', 'RIGHTS_UNDER_LAW', '依法限制参加表彰奖励、撤销已获得的荣誉称号', '《中华人民共和国国家勋章和国家荣誉称号法》等', '表彰奖励评选单位', 'UNVERIFIED', null,
  array['SERIOUS_HEALTH_AND_SAFETY','SERIOUS_MARKET_AND_SOCIAL_ORDER','SERIOUS_REFUSING_OBLIGATIONS','SERIOUS_NATIONAL_DEFENCE','SERIOUS_OTHER_STATUTORY'], array['HONOURS']),
 ('P-1-11', 11, 'PUNISHMENT', 'RIGHTS_UNDER_LAW', '依法限制录用为公务员或者参照公务员法管理的工作人员', '《中华人民共和国公务员法》第二十六条', '公务员主管部门', 'UNVERIFIED', null,
  array['SERIOUS_REFUSING_OBLIGATIONS','SERIOUS_OTHER_STATUTORY'], array['PUBLIC_EMPLOYMENT']),
 ('P-2-01', 12, 'PUNISHMENT', 'MANAGEMENT', '列为重点监管对象，提高抽查比例和频次', '《全国失信惩戒措施基础清单（2024年版）》', '各级行政管理部门', 'UNVERIFIED', null,
  array['SERIOUS_HEALTH_AND_SAFETY','SERIOUS_MARKET_AND_SOCIAL_ORDER','SERIOUS_REFUSING_OBLIGATIONS','SERIOUS_NATIONAL_DEFENCE','SERIOUS_OTHER_STATUTORY','DISHONESTY_RECORD'], array['LICENSING','OTHER']),
 ('P-2-02', 13, 'PUNISHMENT', 'MANAGEMENT', '限制申请财政性资金项目', '《全国失信惩戒措施基础清单（2024年版）》', '财政部门及资金管理部门', 'UNVERIFIED', null,
  array['SERIOUS_HEALTH_AND_SAFETY','SERIOUS_MARKET_AND_SOCIAL_ORDER','SERIOUS_REFUSING_OBLIGATIONS','SERIOUS_NATIONAL_DEFENCE','SERIOUS_OTHER_STATUTORY'], array['FUNDING']),
 ('P-2-03', 14, 'PUNISHMENT', 'MANAGEMENT', '在行政审批中不适用告知承诺制等简化程序', '《全国失信惩戒措施基础清单（2024年版）》', '行政许可机关', 'UNVERIFIED', null,
  array['SERIOUS_HEALTH_AND_SAFETY','SERIOUS_MARKET_AND_SOCIAL_ORDER','SERIOUS_REFUSING_OBLIGATIONS','SERIOUS_NATIONAL_DEFENCE','SERIOUS_OTHER_STATUTORY','DISHONESTY_RECORD'], array['LICENSING']),
 ('P-2-04', 15, 'PUNISHMENT', 'MANAGEMENT', '在行政审批、资质审核、资金安排等事项中将失信信息作为审慎审查的重要参考', '《全国失信惩戒措施基础清单（2024年版）》；本条例第三十四条', '各级行政管理部门', 'UNVERIFIED', null,
  array['SERIOUS_HEALTH_AND_SAFETY','SERIOUS_MARKET_AND_SOCIAL_ORDER','SERIOUS_REFUSING_OBLIGATIONS','SERIOUS_NATIONAL_DEFENCE','SERIOUS_OTHER_STATUTORY','DISHONESTY_RECORD'], array['LICENSING','FUNDING','PROCUREMENT','BIDDING']),
 ('P-2-05', 16, 'PUNISHMENT', 'MANAGEMENT', '在评先评优中从严审核或者不予推荐', '《全国失信惩戒措施基础清单（2024年版）》', '表彰奖励评选单位', 'UNVERIFIED', null,
  array['SERIOUS_HEALTH_AND_SAFETY','SERIOUS_MARKET_AND_SOCIAL_ORDER','SERIOUS_REFUSING_OBLIGATIONS','SERIOUS_NATIONAL_DEFENCE','SERIOUS_OTHER_STATUTORY','DISHONESTY_RECORD'], array['HONOURS']),
 ('P-2-06', 17, 'PUNISHMENT', 'MANAGEMENT', '在公共资源交易中依法依规在信用评价中予以扣分', '《全国失信惩戒措施基础清单（2024年版）》', '公共资源交易监督管理部门', 'UNVERIFIED', null,
  array['SERIOUS_HEALTH_AND_SAFETY','SERIOUS_MARKET_AND_SOCIAL_ORDER','SERIOUS_REFUSING_OBLIGATIONS','SERIOUS_NATIONAL_DEFENCE','SERIOUS_OTHER_STATUTORY','DISHONESTY_RECORD'], array['PROCUREMENT','BIDDING']),
 ('P-3-01', 18, 'PUNISHMENT', 'MARKET_AND_INDUSTRY', '行业协会商会依章程实施行业惩戒', '《全国失信惩戒措施基础清单（2024年版）》', '行业协会商会', 'UNVERIFIED', null,
  array['SERIOUS_HEALTH_AND_SAFETY','SERIOUS_MARKET_AND_SOCIAL_ORDER','SERIOUS_REFUSING_OBLIGATIONS','SERIOUS_NATIONAL_DEFENCE','SERIOUS_OTHER_STATUTORY'], array['OTHER']),
 ('P-3-02', 19, 'PUNISHMENT', 'MARKET_AND_INDUSTRY', '金融机构依法依规在授信、融资中予以参考，提高风险定价', '《全国失信惩戒措施基础清单（2024年版）》', '金融机构', 'UNVERIFIED', null,
  array['SERIOUS_HEALTH_AND_SAFETY','SERIOUS_MARKET_AND_SOCIAL_ORDER','SERIOUS_REFUSING_OBLIGATIONS','SERIOUS_NATIONAL_DEFENCE','SERIOUS_OTHER_STATUTORY'], array['FUNDING']),
 ('I-40-01', 20, 'INCENTIVE', 'INCENTIVE', '在行政管理和公共服务中，给予容缺受理、优先办理、简化程序等相关便利', '本条例第四十条第一款第（一）项', '县级以上人民政府及其有关部门', 'VERIFIED', '本条例第四十条（regulation-zh.txt）',
  array['REWARD'], array['LICENSING','FUNDING','OTHER']),
 ('I-40-02', 21, 'INCENTIVE', 'INCENTIVE', '在日常监督管理和专项检查中，减少抽查比例和检查频次', '本条例第四十条第一款第（二）项', '县级以上人民政府及其有关部门', 'VERIFIED', '本条例第四十条（regulation-zh.txt）',
  array['REWARD'], array['LICENSING','OTHER']),
 ('I-40-03', 22, 'INCENTIVE', 'INCENTIVE', '在公共资源交易中，给予信用加分、提升信用等级或者等次便利', '本条例第四十条第一款第（三）项', '县级以上人民政府及其有关部门', 'VERIFIED', '本条例第四十条（regulation-zh.txt）',
  array['REWARD'], array['PROCUREMENT','BIDDING']),
 ('I-40-04', 23, 'INCENTIVE', 'INCENTIVE', '在教育科研、就业、创业、社会保障等公共服务方面给予支持', '本条例第四十条第一款第（四）项', '县级以上人民政府及其有关部门', 'VERIFIED', '本条例第四十条（regulation-zh.txt）',
  array['REWARD'], array['FUNDING','PUBLIC_EMPLOYMENT','OTHER']),
 ('I-40-05', 24, 'INCENTIVE', 'INCENTIVE', '优先推荐评优评先', '本条例第四十条第一款第（五）项', '县级以上人民政府及其有关部门', 'VERIFIED', '本条例第四十条（regulation-zh.txt）',
  array['REWARD'], array['HONOURS']),
 ('I-40-06', 25, 'INCENTIVE', 'INCENTIVE', '授予相关荣誉', '本条例第四十条第一款第（六）项', '县级以上人民政府及其有关部门', 'VERIFIED', '本条例第四十条（regulation-zh.txt）',
  array['REWARD'], array['HONOURS']),
 ('I-40-07', 26, 'INCENTIVE', 'INCENTIVE', '在信用网站或者相关媒体上宣传推介', '本条例第四十条第一款第（七）项', '县级以上人民政府及其有关部门', 'VERIFIED', '本条例第四十条（regulation-zh.txt）',
  array['REWARD'], array['OTHER'])
) as m (id, pos, kind, grp, text, basis, unit, provenance, source, applies_to, matters);

-- Supplementary measures name a base measure by id: every id of every edition is known to base_measure.
insert into base_measure (id, kind, grp, text, basis, provenance, source)
select measure_id, kind, grp, text, basis, provenance, source from measure_edition_entry where edition_id = 1
on conflict (id) do nothing;
