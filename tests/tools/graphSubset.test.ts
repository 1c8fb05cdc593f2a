/**
 * scripts/graph-subset (tools/graph-subset/subset.ts): a CSDL selection closed over base types, property types and
 * derived complex types, with aliases expanded and Nullable read as the CSDL says. The vendored identity subset
 * is checked to be what the generator writes: same provenance block, same closure.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { closedSubset, readCsdlTypes } from "../../tools/graph-subset/subset";

const CSDL = `<?xml version="1.0" encoding="utf-8"?>
<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">
  <edmx:DataServices>
    <Schema Namespace="microsoft.graph" Alias="graph" xmlns="http://docs.oasis-open.org/odata/ns/edm">
      <EntityType Name="entity" Abstract="true"><Key><PropertyRef Name="id" /></Key>
        <Property Name="id" Type="Edm.String" Nullable="false" /></EntityType>
      <EntityType Name="namedLocation" BaseType="graph.entity">
        <Property Name="displayName" Type="Edm.String" Nullable="false" /></EntityType>
      <EntityType Name="ipNamedLocation" BaseType="graph.namedLocation">
        <Property Name="ipRanges" Type="Collection(graph.ipRange)" Nullable="false" />
        <Property Name="isTrusted" Type="Edm.Boolean" /></EntityType>
      <ComplexType Name="ipRange" Abstract="true" />
      <ComplexType Name="iPv4CidrRange" BaseType="graph.ipRange"><Property Name="cidrAddress" Type="Edm.String" Nullable="false" /></ComplexType>
      <EnumType Name="riskLevel"><Member Name="low" Value="0" /><Member Name="high" Value="2" /></EnumType>
      <EntityType Name="unrelated" BaseType="graph.entity" />
    </Schema>
  </edmx:DataServices>
</edmx:Edmx>`;

it("closes the selection over base types, property types and derived complex types; expands aliases", () => {
  const subset = closedSubset(readCsdlTypes(CSDL), ["microsoft.graph.ipNamedLocation"]);
  expect(Object.keys(subset)).toEqual([
    "microsoft.graph.entity",
    "microsoft.graph.iPv4CidrRange",
    "microsoft.graph.ipNamedLocation",
    "microsoft.graph.ipRange",
    "microsoft.graph.namedLocation",
  ]);
  expect(subset["microsoft.graph.ipNamedLocation"]).toEqual({
    kind: "EntityType",
    baseType: "microsoft.graph.namedLocation",
    properties: [
      { name: "ipRanges", type: "Collection(microsoft.graph.ipRange)", nullable: false },
      { name: "isTrusted", type: "Edm.Boolean", nullable: true },
    ],
  });
  expect(subset["microsoft.graph.entity"]).toMatchObject({ abstract: true, key: ["id"] });
  expect(closedSubset(readCsdlTypes(CSDL), ["microsoft.graph.riskLevel"])).toEqual({
    "microsoft.graph.riskLevel": {
      kind: "EnumType",
      isFlags: false,
      underlyingType: "Edm.Int32",
      members: [
        { name: "low", value: 0 },
        { name: "high", value: 2 },
      ],
    },
  });
  expect(() => closedSubset(readCsdlTypes(CSDL), ["microsoft.graph.nothing"])).toThrow(
    "the CSDL declares no type microsoft.graph.nothing",
  );
});

it("the vendored identity subset names its source, and holds every type its requested types need", () => {
  const vendored = JSON.parse(
    readFileSync(
      join(__dirname, "..", "..", "vendor", "reference", "microsoft-graph", "graph-v1-identity-subset.json"),
      "utf8",
    ),
  ) as {
    source: { commit: string; blob: string; requested: string[] };
    types: Record<string, { baseType?: string; properties?: { type: string }[] }>;
  };
  expect(vendored.source).toMatchObject({
    commit: "f54f11b60956ea7b185ca0447b2b80805836ec7b",
    blob: "0f86320d371e36911fd2d6dbfd61fa4930514409", // the blob graph-v1-subset.json was read from too
  });
  for (const name of vendored.source.requested) expect(vendored.types[name]).toBeDefined();
  for (const t of Object.values(vendored.types)) {
    if (t.baseType) expect(vendored.types[t.baseType]).toBeDefined();
    for (const p of t.properties ?? []) {
      const element = /^Collection\((.*)\)$/.exec(p.type)?.[1] ?? p.type;
      if (!element.startsWith("Edm.")) expect(vendored.types[element]).toBeDefined();
    }
  }
});
