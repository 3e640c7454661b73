/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** Level of the geography: neighbourhoods lie within wards, wards within a municipality */
export type AreaKind =
  | 'MUNICIPALITY'
  | 'NEIGHBOURHOOD'
  | 'WARD';

export type AppAreasQueryVariables = Exact<{
  kind?: AreaKind | null | undefined;
}>;


export type AppAreasQuery = { areas: Array<{ id: string, name: string, kind: AreaKind, population: number, parent: { id: string } | null }> };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}

export const AppAreasDocument = {"__meta__":{"hash":"sha256:63e18b31652f9a067cb3ae5ca963be4e6feec2c48bcb6eb875d9102956b118fe"}} as unknown as TypedDocumentString<AppAreasQuery, AppAreasQueryVariables>;