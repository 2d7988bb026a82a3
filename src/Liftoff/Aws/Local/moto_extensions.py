"""moto's server with the CloudFormation behaviour of AWS that SAM-expanded templates need and moto 5.2.1 lacks.

Liftoff starts moto through this file (python3 -c <this file> -H 127.0.0.1 -p PORT). Each piece below does what
AWS does, on moto's own backends; nothing else in moto changes. Named in src/Liftoff/Aws/README.md.
"""
import sys

from moto.apigateway.models import RestAPI, apigateway_backends
from moto.awslambda.models import LambdaFunction, LambdaVersion, LayerVersion, lambda_backends
from moto.core.common_models import CloudFormationModel


class LambdaAliasResource(CloudFormationModel):
    """AWS::Lambda::Alias: AWS creates, moves and deletes the alias; moto skips the resource, so every Ref to it
    (SAM points permissions, event sources and API integrations at AutoPublishAlias's alias) resolves to nothing."""

    # moto files models by the second part of the module name: these are Lambda's.
    __module__ = "moto.awslambda.liftoff_extensions"

    def __init__(self, alias):
        self.alias = alias

    @staticmethod
    def cloudformation_type():
        return "AWS::Lambda::Alias"

    @staticmethod
    def cloudformation_name_type():
        return "Name"

    @property
    def physical_resource_id(self):
        return self.alias.arn  # Ref returns the alias ARN

    @classmethod
    def has_cfn_attr(cls, attr):
        return attr == "AliasArn"

    def get_cfn_attribute(self, attribute_name):
        if attribute_name == "AliasArn":
            return self.alias.arn
        raise NotImplementedError(attribute_name)

    @classmethod
    def create_from_cloudformation_json(cls, resource_name, cloudformation_json, account_id, region_name, **kwargs):
        p = cloudformation_json["Properties"]
        backend = lambda_backends[account_id][region_name]
        return cls(backend.create_alias(p["Name"], p["FunctionName"], str(p["FunctionVersion"]),
                                        p.get("Description", ""), _routing(p)))

    @classmethod
    def update_from_cloudformation_json(cls, original_resource, new_resource_name, cloudformation_json, account_id, region_name):
        p = cloudformation_json["Properties"]
        backend = lambda_backends[account_id][region_name]
        if original_resource.alias.name != p["Name"]:  # a new name replaces the alias, as on AWS
            backend.delete_alias(original_resource.alias.name, p["FunctionName"])
            return cls.create_from_cloudformation_json(new_resource_name, cloudformation_json, account_id, region_name)
        return cls(backend.update_alias(p["Name"], p["FunctionName"], str(p["FunctionVersion"]),
                                        p.get("Description", ""), _routing(p)))

    @classmethod
    def delete_from_cloudformation_json(cls, resource_name, cloudformation_json, account_id, region_name):
        p = cloudformation_json["Properties"]
        lambda_backends[account_id][region_name].delete_alias(p["Name"], p["FunctionName"])


def _routing(properties):
    """CloudFormation writes weights as a list of {FunctionVersion, FunctionWeight}; the API (and moto) as a map."""
    weights = (properties.get("RoutingConfig") or {}).get("AdditionalVersionWeights") or []
    return {"AdditionalVersionWeights": {str(w["FunctionVersion"]): float(w["FunctionWeight"]) for w in weights}} if weights else None


# AWS::Lambda::Version: AWS answers GetAtt Version (SAM's alias points at it) and Ref with the version's ARN.
_create_version = LambdaVersion.create_from_cloudformation_json.__func__


def _version_from_template(cls, resource_name, cloudformation_json, account_id, region_name, **kwargs):
    version = _create_version(cls, resource_name, cloudformation_json, account_id, region_name, **kwargs)
    function = lambda_backends[account_id][region_name].get_function(cloudformation_json["Properties"]["FunctionName"])
    version.arn = f"{function.function_arn.split(':$LATEST')[0]}:{version.version}"
    return version


def _version_attribute(self, attribute_name):
    if attribute_name == "Version":
        return str(self.version)
    raise NotImplementedError(attribute_name)


LambdaVersion.create_from_cloudformation_json = classmethod(_version_from_template)
LambdaVersion.has_cfn_attr = classmethod(lambda cls, attr: attr == "Version")
LambdaVersion.get_cfn_attribute = _version_attribute
LambdaVersion.physical_resource_id = property(lambda self: getattr(self, "arn", None))

# AWS::Lambda::LayerVersion: Ref returns the layer version's ARN on AWS; moto returns its own object.
LayerVersion.physical_resource_id = property(lambda self: self.arn)

# AWS::Lambda::Function: AWS applies Layers and Architectures from the template; moto drops them.
_create_function = LambdaFunction.create_from_cloudformation_json.__func__
_update_function = LambdaFunction.update_from_cloudformation_json.__func__


def _apply_layers_and_architectures(function, properties, updating):
    if "Layers" in properties and not updating:  # moto's update applies Layers itself
        function.layers = function._get_layers_data(properties["Layers"])
    function.architectures = properties.get("Architectures", ["x86_64"])
    return function


def _function_from_template(cls, resource_name, cloudformation_json, account_id, region_name, **kwargs):
    function = _create_function(cls, resource_name, cloudformation_json, account_id, region_name, **kwargs)
    return _apply_layers_and_architectures(function, cloudformation_json["Properties"], updating=False)


def _function_update(cls, original_resource, new_resource_name, cloudformation_json, account_id, region_name):
    function = _update_function(cls, original_resource, new_resource_name, cloudformation_json, account_id, region_name)
    return _apply_layers_and_architectures(function, cloudformation_json["Properties"], updating=True)


LambdaFunction.create_from_cloudformation_json = classmethod(_function_from_template)
LambdaFunction.update_from_cloudformation_json = classmethod(_function_update)

# AWS::ApiGateway::RestApi: AWS imports an OpenAPI Body (SAM writes an Api event's routes there) and takes the name
# from its title; moto needs Name and ignores Body, and then refuses the Deployment of an API without methods.
_create_rest_api = RestAPI.create_from_cloudformation_json.__func__


def _rest_api_from_body(cls, resource_name, cloudformation_json, account_id, region_name, **kwargs):
    properties = cloudformation_json.setdefault("Properties", {})
    body = properties.get("Body") if isinstance(properties.get("Body"), dict) else None
    if "Name" not in properties:
        properties["Name"] = ((body or {}).get("info") or {}).get("title") or resource_name
    api = _create_rest_api(cls, resource_name, cloudformation_json, account_id, region_name, **kwargs)
    if body:
        _import_paths(apigateway_backends[account_id][region_name], api, body)
    return api


def _import_paths(backend, api, body):
    for path, operations in sorted((body.get("paths") or {}).items()):
        resource = api.get_resource_for_path("/")
        walked = ""
        for part in [p for p in path.split("/") if p]:
            walked += "/" + part
            resource = api.get_resource_for_path(walked) or backend.create_resource(api.id, resource.id, part)
        for verb, operation in (operations or {}).items():
            method = "ANY" if verb == "x-amazon-apigateway-any-method" else verb.upper()
            if method not in ("GET", "PUT", "POST", "DELETE", "PATCH", "HEAD", "OPTIONS", "ANY"):
                continue
            backend.put_method(api.id, resource.id, method, "NONE")
            integration = (operation or {}).get("x-amazon-apigateway-integration")
            if integration:
                backend.put_integration(api.id, resource.id, method, str(integration.get("type", "aws_proxy")).upper(),
                                        integration.get("uri", ""), integration.get("httpMethod", "POST"))


RestAPI.create_from_cloudformation_json = classmethod(_rest_api_from_body)


if __name__ == "__main__":
    from moto.server import main

    main(sys.argv[1:])
