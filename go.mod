module github.com/newsseg/newsseg

go 1.25.0

require (
	github.com/neurosnap/sentences v1.1.2
	github.com/stretchr/testify v1.12.1
	golang.org/x/net v0.58.0
)

require go.yaml.in/yaml/v3 v3.0.5 // indirect
